using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Web.Tests.Releases;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Trust;

/// <summary>
/// An emergency grant reads and does nothing else: no change page, no release form, never psychotherapy notes, and Part 2
/// records only in a bona fide medical emergency (42 CFR 2.51), documented on the disclosure.
/// </summary>
public class NarrowEmergencyAccess(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    /// <summary>A member off the PCP's panel with Part 2 records and a psychotherapy note on file, and the PCP's grant of <paramref name="category"/>.</summary>
    private async Task<int> GrantedMemberAsync(EmergencyCategory category, int skip) => await app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        var pcpUser = await db.Users.Where(u => u.Email == Browsing.Pcp).Select(u => u.Id).SingleAsync();
        var author = await MemberRecordAccess.ProviderOf(db, Browsing.Bh);
        var member = await db.Members.Where(m => m.PcpId != pcp && !db.EmergencyAccesses.Any(e => e.MemberId == m.Id) && !db.ProtectedNotes.Any(n => n.MemberId == m.Id))
            .OrderByDescending(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
        db.ProtectedNotes.Add(new ProtectedNote { MemberId = member, Content = ProtectedContent.SubstanceUseDisorderRecords, AuthorProviderId = author, WrittenOn = app.Today().AddDays(-3), Text = "Program record: methadone 60 mg daily" });
        db.ProtectedNotes.Add(new ProtectedNote { MemberId = member, Content = ProtectedContent.PsychotherapyNotes, AuthorProviderId = author, WrittenOn = app.Today().AddDays(-3), Text = "Session note: grief work" });
        db.EmergencyAccesses.Add(EmergencyAccess.Request(pcpUser, member, category, "Member unresponsive in urgent care; overdose suspected", DateTime.UtcNow.AddMinutes(-5), grantsTodaySoFar: 0));
        await db.SaveChangesAsync();
        return member;
    });

    [Fact]
    public async Task A_grant_reads_the_record_but_opens_no_change_page_and_no_release_form()
    {
        var member = await GrantedMemberAsync(EmergencyCategory.ImminentThreatToSafety, skip: 0);
        var pcp = await app.SignedInAs(Browsing.Pcp);

        var summary = await pcp.GetAsync($"/Members/{member}");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var text = Browsing.Text(await summary.Content.ReadAsStringAsync());
        Assert.Contains("You can read the record but not change it", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Members/{member}/Findings/New", await pcp.GetStringAsync($"/Members/{member}"), StringComparison.Ordinal);

        foreach (var url in new[] { $"/Members/{member}/Findings/New", $"/Members/{member}/Labs/New", $"/Members/{member}/Releases", $"/Members/{member}/Releases/New", $"/Members/{member}/Releases/Accounting" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await pcp.GetAsync(url)).StatusCode);
        }
    }

    [Theory]
    [InlineData(ProtectedContent.PsychotherapyNotes, EmergencyCategory.BonaFideMedicalEmergency, "Emergency access never reaches this information")]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, EmergencyCategory.ImminentThreatToSafety, "was not opened for a bona fide medical emergency")]
    public async Task A_grant_never_releases_what_it_may_not(ProtectedContent content, EmergencyCategory category, string refusal)
    {
        var member = await GrantedMemberAsync(category, skip: content == ProtectedContent.PsychotherapyNotes ? 1 : 2);
        var pcp = await app.SignedInAs(Browsing.Pcp);

        var response = await pcp.SubmitFormAsync($"/Members/{member}/Releases/Request?content={content}", new() { ["Input.Purpose"] = "Emergency treatment" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(refusal, text, StringComparison.Ordinal);
        Assert.DoesNotContain("methadone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("grief work", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.DisclosureCount(member));
        Assert.Equal(1, await app.AuditCount(AuditAction.ProtectedContentRequested, AuditOutcome.Denied, member));
    }

    [Fact]
    public async Task In_a_bona_fide_medical_emergency_part_2_records_go_to_the_clinician_documented_as_2_51_asks()
    {
        var member = await GrantedMemberAsync(EmergencyCategory.BonaFideMedicalEmergency, skip: 3);
        var pcp = await app.SignedInAs(Browsing.Pcp);

        var response = await pcp.SubmitFormAsync($"/Members/{member}/Releases/Request?content={ProtectedContent.SubstanceUseDisorderRecords}",
            new() { ["Input.Purpose"] = "Treat a suspected overdose" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = Browsing.Text(await pcp.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("methadone 60 mg daily", shown, StringComparison.Ordinal);
        Assert.Contains(RedisclosureNotices.Part2MedicalEmergency, shown, StringComparison.Ordinal);
        var disclosure = await app.WithDatabase(db => db.Disclosures.SingleAsync(d => d.MemberId == member));
        Assert.Null(disclosure.ReleaseId);
        Assert.NotNull(disclosure.EmergencyAccessId);
        Assert.Equal("Bona fide medical emergency (consent cannot be obtained): Member unresponsive in urgent care; overdose suspected", disclosure.EmergencyNature);
        Assert.Equal(ProtectedContent.SubstanceUseDisorderRecords, disclosure.Content);

        // The member's accounting names the emergency; the care manager (not the grant holder) reads it.
        var accounting = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{member}/Releases/Accounting"));
        Assert.Contains("medical emergency (42 CFR 2.51)", accounting, StringComparison.Ordinal);

        // The program is told: its clinician who wrote the records sees the disclosure on his home page, to document it.
        var program = Browsing.Text(await (await app.SignedInAs(Browsing.Bh)).GetStringAsync("/"));
        Assert.Contains("Your Part 2 records disclosed in a medical emergency", program, StringComparison.Ordinal);
        Assert.Contains("Member unresponsive in urgent care; overdose suspected", program, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Past_the_daily_allowance_the_grant_waits_and_opens_once_a_privacy_officer_approves_it()
    {
        var members = await app.WithDatabase(async db =>
        {
            var bh = await MemberRecordAccess.ProviderOf(db, Browsing.Bh);
            return await db.Members.Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == bh) && !db.EmergencyAccesses.Any(e => e.MemberId == m.Id))
                .OrderBy(m => m.Id).Take(EmergencyAccess.GrantsPerDayWithoutApproval + 1).ToListAsync();
        });
        var bh = await app.SignedInAs(Browsing.Bh);
        HttpResponseMessage last = null!;
        foreach (var member in members)
        {
            last = await bh.SubmitFormAsync("/Members/Emergency", new()
            {
                ["Input.PlanMemberId"] = member.PlanMemberId,
                ["Input.Category"] = nameof(EmergencyCategory.ImminentThreatToSafety),
                ["Input.Reason"] = "Crisis call; the member threatens to harm himself tonight",
                ["Input.UnderstandsAudit"] = "true",
            });
        }

        Assert.Equal("/Members/Emergency?awaitingApproval=true", last.Headers.Location!.ToString());
        var waiting = members[^1];
        Assert.Equal(HttpStatusCode.NotFound, (await bh.GetAsync($"/Members/{waiting.Id}")).StatusCode);
        var grantId = await app.WithDatabase(db => db.EmergencyAccesses.Where(e => e.MemberId == waiting.Id).Select(e => e.Id).SingleAsync());

        var office = await app.SignedInAs(Browsing.PrivacyOfficer);
        Assert.Contains(waiting.PlanMemberId, await office.GetStringAsync("/Privacy"), StringComparison.Ordinal);
        var approved = await office.SubmitFormAsync($"/Privacy/Grants/{grantId}?handler=Approve", []);
        Assert.Equal($"/Privacy/Grants/{grantId}", approved.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.OK, (await bh.GetAsync($"/Members/{waiting.Id}")).StatusCode);
        Assert.Equal(1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.EmergencyAccessRequested && a.MemberId == waiting.Id)));
    }
}
