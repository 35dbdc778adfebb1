using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Findings;

/// <summary>A PCP logs a suspected psychiatric or substance problem; the rules run on save and the result page says what follows.</summary>
public class RecordingAFinding(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private async Task<int> PanelMember(int skip = 0) => await app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
    });

    private static Dictionary<string, string> Finding(string category = "Depression", string nextStep = "Routine", string phq9 = "", string item9 = "") => new()
    {
        ["Input.Category"] = category,
        ["Input.Phq9"] = phq9,
        ["Input.Phq9Item9"] = item9,
        ["Input.NextStep"] = nextStep,
        ["Input.SharingDiscussedWithMember"] = "true",
    };

    [Fact]
    public async Task An_item_9_answer_is_urgent_shows_crisis_guidance_and_queues_a_same_day_task()
    {
        var memberId = await PanelMember();
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Findings/New", Finding(phq9: "17", item9: "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resultUrl = response.Headers.Location!.ToString();
        Assert.Matches($"^/Members/{memberId}/Events/\\d+$", resultUrl);
        var text = Browsing.Text(await client.GetStringAsync(resultUrl));
        Assert.Contains("Possible suicidal ideation: act today", text, StringComparison.Ordinal);
        Assert.Contains("988", text, StringComparison.Ordinal);
        Assert.Contains("PHQ-9 item 9 answered 1 (above zero)", text, StringComparison.Ordinal);
        Assert.Contains("Member Services", text, StringComparison.Ordinal);

        var eventId = int.Parse(resultUrl[(resultUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var (flags, tasks, messages, audited) = await app.WithDatabase(async db => (
            await db.CoordinationFlags.Where(f => f.EventId == eventId).ToListAsync(),
            await db.CoordinationTasks.Where(t => t.EventId == eventId).ToListAsync(),
            await db.InboxMessages.CountAsync(m => m.EventId == eventId),
            await db.AuditEntries.CountAsync(a => a.Action == AuditAction.CoordinationRecorded && a.MemberId == memberId)));
        var flag = Assert.Single(flags);
        Assert.Equal((CoordinationTrigger.PcpFinding, Priority.Urgent, ContactPath.BhProviderServices), (flag.Trigger, flag.Priority, flag.ContactPath));
        var task = Assert.Single(tasks);
        Assert.Equal((CoordinationTaskStatus.Open, flag.DueOn), (task.Status, task.DueOn));
        Assert.Equal(0, messages); // the PCP is the sender, not a recipient
        Assert.True(audited >= 1);
    }

    [Fact]
    public async Task Referring_to_a_bh_practitioner_adds_the_referral_flag_to_the_same_event()
    {
        var memberId = await PanelMember(1);
        var practitioner = await app.WithDatabase(db => db.Providers.Where(p => p.Kind == Core.Providers.ProviderKind.BehavioralHealthPractitioner).Select(p => p.Id).FirstAsync());
        var client = await app.SignedInAs(Browsing.Pcp);
        var fields = Finding("Anxiety", "ReferToBhPractitioner");
        fields["Input.Gad7"] = "12";
        fields["Input.ReferToProviderId"] = practitioner.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Findings/New", fields);

        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("GAD-7 12 (positive at 10)", text, StringComparison.Ordinal);
        Assert.Contains("T4", text, StringComparison.Ordinal);
        Assert.Contains("referred to", text, StringComparison.Ordinal);
        Assert.DoesNotContain("act today", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_messages_next_to_the_fields_keeps_what_was_typed_and_saves_nothing()
    {
        var memberId = await PanelMember(2);
        var client = await app.SignedInAs(Browsing.Pcp);
        var before = await app.WithDatabase(db => db.CoordinationEvents.CountAsync());
        var fields = Finding(category: "", nextStep: "", phq9: "2", item9: "3");
        fields["Input.Gad7"] = "30";
        fields["Input.Icd10Code"] = "banana";
        fields["Input.Note"] = "Seen with partner; tearful";

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Findings/New", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("Choose what you suspect.", text, StringComparison.Ordinal);
        Assert.Contains("Choose what happens next.", text, StringComparison.Ordinal);
        Assert.Contains("GAD-7 is a score from 0 to 21.", text, StringComparison.Ordinal);
        Assert.Contains("Item 9 cannot be more than the PHQ-9 total.", text, StringComparison.Ordinal);
        Assert.Contains("Enter an ICD-10-CM code like F32.1", text, StringComparison.Ordinal);
        Assert.Contains("value=\"banana\"", html, StringComparison.Ordinal);
        Assert.Contains("Seen with partner; tearful", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.CoordinationEvents.CountAsync()));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_records_one_finding()
    {
        var memberId = await PanelMember(3);
        var client = await app.SignedInAs(Browsing.Pcp);
        var url = $"/Members/{memberId}/Findings/New";
        var page = await client.GetStringAsync(url);
        var fields = Finding(phq9: "12");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync(url, page, new(fields));
        var second = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Kind == CoordinationEventKind.Finding)));
    }

    [Fact]
    public async Task Only_the_members_own_pcp_may_record_a_finding()
    {
        var offPanel = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId != pcp).Select(m => m.Id).FirstAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{offPanel}/Findings/New")).StatusCode);

        var asBh = await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{await PanelMember()}/Findings/New");
        Assert.Equal(HttpStatusCode.Redirect, asBh.StatusCode);
        Assert.Contains("/Account/AccessDenied", asBh.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
