using System.Net;
using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Trust;

/// <summary>Emergency access for a clinician outside the member's care: a reason, four hours, audited, shown to admins.</summary>
public class BreakingTheGlass(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private Task<Core.Members.Member> OffPanelMember(int skip) => app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.Where(m => m.PcpId != pcp).OrderBy(m => m.Id).Skip(skip).FirstAsync();
    });

    [Fact]
    public async Task With_a_reason_a_pcp_opens_a_member_outside_her_panel_for_a_few_hours_and_it_is_audited()
    {
        var member = await OffPanelMember(0);
        var client = await app.SignedInAs(Browsing.Pcp);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{member.Id}")).StatusCode);

        var response = await client.SubmitFormAsync("/Members/Emergency", new()
        {
            ["Input.PlanMemberId"] = member.PlanMemberId,
            ["Input.Category"] = "BonaFideMedicalEmergency",
            ["Input.Reason"] = "Member brought to urgent care unresponsive; need medication list",
            ["Input.UnderstandsAudit"] = "true",
        });

        Assert.Equal($"/Members/{member.Id}", response.Headers.Location!.ToString());
        var summary = Browsing.Text(await client.GetStringAsync($"/Members/{member.Id}"));
        Assert.Contains("Emergency access until", summary, StringComparison.Ordinal);
        Assert.Contains(member.FamilyName, summary, StringComparison.Ordinal);

        var grant = await app.WithDatabase(db => db.EmergencyAccesses.SingleAsync(e => e.MemberId == member.Id));
        Assert.Equal(TimeSpan.FromHours(4), grant.ExpiresAt - grant.GrantedAt);
        Assert.Equal(1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.EmergencyAccessGranted && a.MemberId == member.Id)));
        var adminView = Browsing.Text(await (await app.SignedInAs(Browsing.Admin)).GetStringAsync("/Admin/Audit"));
        Assert.Contains("Member brought to urgent care unresponsive", adminView, StringComparison.Ordinal);
        Assert.Contains("active", adminView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_grant_opens_nothing()
    {
        var member = await OffPanelMember(1);
        var userId = await app.WithDatabase(async db => (await db.Users.SingleAsync(u => u.Email == Browsing.Pcp)).Id);
        await app.WithDatabase(async db =>
        {
            db.EmergencyAccesses.Add(Core.Members.EmergencyAccess.Request(userId, member.Id, Core.Members.EmergencyCategory.UrgentCareWithoutTheTreatingClinician,
                "An emergency that was over long ago", DateTime.UtcNow.AddHours(-5), grantsTodaySoFar: 0));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{member.Id}")).StatusCode);
    }

    [Fact]
    public async Task No_reason_no_access_and_the_form_says_what_is_missing()
    {
        var member = await OffPanelMember(2);
        var client = await app.SignedInAs(Browsing.Pcp);
        var response = await client.SubmitFormAsync("/Members/Emergency", new() { ["Input.PlanMemberId"] = member.PlanMemberId, ["Input.Reason"] = "need it" });

        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Describe the emergency in at least 20 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Confirm that you understand this access is audited and reviewed.", text, StringComparison.Ordinal);
        Assert.False(await app.WithDatabase(db => db.EmergencyAccesses.AnyAsync(e => e.MemberId == member.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{member.Id}")).StatusCode);
    }

    [Theory]
    [InlineData(Browsing.CareManager)]
    [InlineData(Browsing.Admin)]
    public async Task Only_clinicians_break_the_glass(string email)
    {
        var response = await (await app.SignedInAs(email)).GetAsync("/Members/Emergency");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
