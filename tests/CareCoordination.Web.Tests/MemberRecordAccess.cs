using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests;

/// <summary>Who may open a member's record: the PCP's panel, the BH clinician's active caseload, care managers; nobody else.</summary>
public class MemberRecordAccess(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task A_pcp_opens_a_member_on_their_panel()
    {
        var member = await Member(async db =>
        {
            var pcp = await ProviderOf(db, Browsing.Pcp);
            return await db.Members.FirstAsync(m => m.PcpId == pcp);
        });
        var response = await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{member.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(member.FullName, text, StringComparison.Ordinal);
        Assert.Contains(member.PlanMemberId, text, StringComparison.Ordinal);
        Assert.Contains("Conditions", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pcp_gets_not_found_for_a_member_off_their_panel()
    {
        var member = await Member(async db =>
        {
            var pcp = await ProviderOf(db, Browsing.Pcp);
            return await db.Members.FirstAsync(m => m.PcpId != pcp);
        });
        var response = await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{member.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(member.FamilyName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bh_clinician_opens_a_member_they_are_treating()
    {
        var member = await Member(async db =>
        {
            var bh = await ProviderOf(db, Browsing.Bh);
            return await db.Members.FirstAsync(m => db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == bh && r.EndOn == null));
        });
        var response = await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{member.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(member.FullName, Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bh_clinician_loses_access_when_the_care_relationship_ends()
    {
        var member = await Member(async db =>
        {
            var bh = await ProviderOf(db, Browsing.Bh);
            return await db.Members.FirstAsync(m =>
                db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == bh && r.EndOn != null) &&
                !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == bh && r.EndOn == null));
        });
        var response = await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{member.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_bh_clinician_gets_not_found_without_a_care_relationship()
    {
        var member = await Member(async db =>
        {
            var bh = await ProviderOf(db, Browsing.Bh);
            return await db.Members.FirstAsync(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == bh));
        });
        var response = await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{member.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_care_manager_opens_any_member()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var ids = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).Select(m => m.Id).Take(5).ToListAsync());
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task An_administrator_is_refused_clinical_records()
    {
        var id = await app.WithDatabase(db => db.Members.Select(m => m.Id).FirstAsync());
        var client = await app.SignedInAs(Browsing.Admin);

        var response = await client.GetAsync($"/Members/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Members")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_member_is_not_found_not_an_error()
    {
        var response = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/Members/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_requests_for_a_member_go_to_sign_in()
    {
        var response = await app.NewClient().GetAsync("/Members/1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_view_and_every_refusal_of_a_record_is_audited()
    {
        var (mine, notMine) = await app.WithDatabase(async db =>
        {
            var pcp = await ProviderOf(db, Browsing.Pcp);
            return (await db.Members.Where(m => m.PcpId == pcp).Select(m => m.Id).FirstAsync(),
                await db.Members.Where(m => m.PcpId != pcp).Select(m => m.Id).FirstAsync());
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var before = await app.WithDatabase(db => db.AuditEntries.MaxAsync(a => a.Id));

        await client.GetAsync($"/Members/{mine}");
        await client.GetAsync($"/Members/{notMine}");

        var entries = await app.WithDatabase(db => db.AuditEntries.Where(a => a.Id > before).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.Equal((AuditAction.MemberRecordViewed, AuditOutcome.Success, (int?)mine), (entries[0].Action, entries[0].Outcome, entries[0].MemberId));
        Assert.Equal((AuditAction.MemberRecordViewed, AuditOutcome.Denied, (int?)notMine), (entries[1].Action, entries[1].Outcome, entries[1].MemberId));
        Assert.Equal(entries[0].UserId, entries[1].UserId);
    }

    private Task<Member> Member(Func<CareDbContext, Task<Member>> find) => app.WithDatabase(find);

    internal static async Task<int> ProviderOf(CareDbContext db, string email) =>
        (await db.Users.SingleAsync(u => u.Email == email)).ProviderId!.Value;
}
