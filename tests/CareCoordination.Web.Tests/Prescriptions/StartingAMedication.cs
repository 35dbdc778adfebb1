using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareCoordination.Web.Tests.Prescriptions.BhCaseload;

namespace CareCoordination.Web.Tests.Prescriptions;

/// <summary>A BH prescriber starts a medication; the start is checked against the member's regimen and the PCP hears of it.</summary>
public class StartingAMedication(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private const string Sertraline = "N06AB06";
    private const string Lithium = "N05AN01";

    private string Today => app.Services.GetRequiredService<PlanClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Dictionary<string, string> Start(string drug, string dose = "50", string unit = "mg", string frequency = "OnceDaily", string? startOn = null) => new()
    {
        ["Input.Drug"] = drug,
        ["Input.Dose"] = dose,
        ["Input.DoseUnit"] = unit,
        ["Input.Frequency"] = frequency,
        ["Input.StartOn"] = startOn ?? Today,
        ["Input.SharingDiscussedWithMember"] = "true",
    };

    [Fact]
    public async Task A_psychotropic_new_to_the_member_is_t1_with_its_catalog_codes_and_a_message_to_the_pcp()
    {
        var memberId = await app.CaseloadMemberAsync(NotTaking(Sertraline));
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/New", Start("Zoloft"));

        var eventId = EventId(response, memberId);
        var order = await app.WithDatabase(db => db.MedicationOrders.SingleAsync(o => o.MemberId == memberId && o.DrugName == "Zoloft"));
        Assert.Equal((Sertraline, "36437", 50m, "mg", (DateOnly?)null), (order.AtcCode, order.RxNormCode, order.Dose, order.DoseUnit, order.StopOn));
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal((CoordinationTrigger.PsychotropicStartOrChange, Priority.High), (flag.Trigger, flag.Priority));
        Assert.Contains("Sertraline (antidepressant)", flag.Reason, StringComparison.Ordinal);
        var message = await app.MessageToPcpAsync(eventId);
        Assert.NotNull(message);
        Assert.Equal("Started Zoloft 50 mg once daily", message.Subject);

        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Started Zoloft 50 mg once daily", text, StringComparison.Ordinal);
        Assert.Contains("T1 Psychotropic start or change", text, StringComparison.Ordinal);
        Assert.Contains(flag.Reason, text, StringComparison.Ordinal);
        Assert.Contains("Sent to the PCP's inbox", text, StringComparison.Ordinal);
        Assert.Contains("Sharing was discussed with the member.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_lithium_is_t1_and_asks_the_pcp_for_a_medical_evaluation()
    {
        var memberId = await app.CaseloadMemberAsync(NotTaking(Lithium), skip: 1);
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/New", Start("lithium carbonate", "300", frequency: "TwiceDaily"));

        var eventId = EventId(response, memberId);
        var flags = await app.FlagsAsync(eventId);
        Assert.Equal([CoordinationTrigger.PsychotropicStartOrChange, CoordinationTrigger.TreatmentNeedingMedicalEvaluation], flags.Select(f => f.Trigger).Order());
        Assert.All(flags, f => Assert.Equal(Priority.High, f.Priority));
        var message = await app.MessageToPcpAsync(eventId);
        Assert.Contains("Please arrange a medical evaluation.", message!.Body, StringComparison.Ordinal);
        Assert.Contains("baseline renal and thyroid function", Browsing.Text(await client.GetStringAsync(response.Headers.Location)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drug_outside_the_catalog_is_saved_as_written_and_needs_no_coordination()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/New", Start("metoprolol succinate", "25"));

        var eventId = EventId(response, memberId);
        var order = await app.WithDatabase(db => db.MedicationOrders.SingleAsync(o => o.MemberId == memberId && o.DrugName == "metoprolol succinate"));
        Assert.Equal((null, null), (order.AtcCode, order.RxNormCode));
        Assert.Empty(await app.FlagsAsync(eventId));
        Assert.Null(await app.MessageToPcpAsync(eventId));
        Assert.Contains("Coordination not needed", Browsing.Text(await client.GetStringAsync(response.Headers.Location)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_offers_the_catalog_and_starts_today_and_says_what_is_shared()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 3);
        var client = await app.SignedInAs(Browsing.Bh);

        var html = await client.GetStringAsync($"/Members/{memberId}/Prescriptions/New");

        Assert.Contains("<datalist id=\"psychotropics\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"zoloft\">sertraline, antidepressant</option>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Today}\"", html, StringComparison.Ordinal);
        var text = Browsing.Text(html);
        Assert.Contains("Routine coordination information (diagnoses, medications, treatment plan) is shared with the member's PCP; psychotherapy notes are never included.", text, StringComparison.Ordinal);
        var name = await app.WithDatabase(db => db.Members.Where(m => m.Id == memberId).Select(m => m.GivenName + " " + m.FamilyName).SingleAsync());
        Assert.Contains($"<a href=\"/Members/{memberId}\">{name}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_messages_next_to_the_fields_keeps_what_was_typed_and_saves_nothing()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 4);
        var client = await app.SignedInAs(Browsing.Bh);
        var before = await app.WithDatabase(async db => (await db.MedicationOrders.CountAsync(), await db.CoordinationEvents.CountAsync()));
        var late = app.Services.GetRequiredService<PlanClock>().Today.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/New", Start("", dose: "-5", unit: "tablet", frequency: "", startOn: late));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("Enter the drug, like sertraline.", text, StringComparison.Ordinal);
        Assert.Contains("The dose must be more than 0.", text, StringComparison.Ordinal);
        Assert.Contains("Choose the unit.", text, StringComparison.Ordinal);
        Assert.Contains("Choose how often.", text, StringComparison.Ordinal);
        Assert.Contains("The start date must be within 30 days of today.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"-5\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{late}\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(async db => (await db.MedicationOrders.CountAsync(), await db.CoordinationEvents.CountAsync())));

        var huge = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/New", Start("sertraline", dose: "50000"));
        Assert.Contains("The dose cannot be more than 5,000; check the unit.", Browsing.Text(await huge.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drug_already_on_the_list_is_sent_to_change_dose_instead()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline));
        var client = await app.SignedInAs(Browsing.Bh);
        var before = await app.WithDatabase(db => db.MedicationOrders.CountAsync(o => o.MemberId == memberId));

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/New", Start("sertraline 25 mg tablet", "25"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already on the member's list: use Change dose on it instead.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.MedicationOrders.CountAsync(o => o.MemberId == memberId)));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_starts_one_medication()
    {
        var memberId = await app.CaseloadMemberAsync(NotTaking(Sertraline), skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Prescriptions/New";
        var page = await client.GetStringAsync(url);
        var fields = Start("sertraline");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync(url, page, new(fields));
        var second = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.MedicationOrders.CountAsync(o => o.MemberId == memberId && o.DrugName == "sertraline")));
        Assert.Equal(1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Summary == "Started sertraline 50 mg once daily")));
    }

    [Fact]
    public async Task A_clinician_without_prescriptive_authority_is_refused_with_the_reason()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 5);
        var client = await app.SignedInAsPsychologistTreating(memberId);
        var url = $"/Members/{memberId}/Prescriptions/New";
        var before = await app.WithDatabase(db => db.MedicationOrders.CountAsync(o => o.MemberId == memberId));

        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("Prescribing needs prescriptive authority, and your directory entry (Psychologist) does not hold it.", Browsing.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Drug", html, StringComparison.Ordinal);

        var posted = await client.PostFormAsync(url, html, Start("sertraline"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("Prescribing needs prescriptive authority", Browsing.Text(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.MedicationOrders.CountAsync(o => o.MemberId == memberId)));
        Assert.True(await app.WithDatabase(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessDenied && a.MemberId == memberId && a.Outcome == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Only_a_bh_clinician_treating_the_member_may_open_the_form()
    {
        var whitfield = await app.WhitfieldAsync();
        var notTreated = await app.WithDatabase(db => db.Members
            .Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield && r.EndOn == null))
            .Select(m => m.Id).FirstAsync());
        var bh = await app.SignedInAs(Browsing.Bh);
        Assert.Equal(HttpStatusCode.NotFound, (await bh.GetAsync($"/Members/{notTreated}/Prescriptions/New")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bh.GetAsync($"/Members/{notTreated}/Prescriptions")).StatusCode);

        var caseloadMember = await app.CaseloadMemberAsync();
        AssertAccessDenied(await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{caseloadMember}/Prescriptions/New"));
        AssertAccessDenied(await (await app.SignedInAs(Browsing.CareManager)).GetAsync($"/Members/{caseloadMember}/Prescriptions"));
    }
}
