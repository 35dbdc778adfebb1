using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests;

public class MemberSearch(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static async Task<string> Search(HttpClient client, string? name = null, string? dateOfBirth = null, string? memberId = null)
    {
        var form = await client.GetStringAsync("/Members");
        var response = await client.PostFormAsync("/Members", form, new()
        {
            ["Search.Name"] = name ?? "",
            ["Search.DateOfBirth"] = dateOfBirth ?? "",
            ["Search.MemberId"] = memberId ?? "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Finds_a_member_by_member_id_only_among_those_the_user_may_see()
    {
        var (onPanel, offPanel) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return (await db.Members.FirstAsync(m => m.PcpId == pcp), await db.Members.FirstAsync(m => m.PcpId != pcp));
        });
        var pcpClient = await app.SignedInAs(Browsing.Pcp);

        Assert.Contains($"/Members/{onPanel.Id}", await Search(pcpClient, memberId: onPanel.PlanMemberId), StringComparison.Ordinal);
        var hidden = await Search(pcpClient, memberId: offPanel.PlanMemberId);
        Assert.DoesNotContain($"/Members/{offPanel.Id}\"", hidden, StringComparison.Ordinal);
        Assert.Contains("No member you can see matches", Browsing.Text(hidden), StringComparison.Ordinal);

        var careManager = await app.SignedInAs(Browsing.CareManager);
        Assert.Contains($"/Members/{offPanel.Id}\"", await Search(careManager, memberId: offPanel.PlanMemberId.ToLowerInvariant()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_by_name_in_either_order_and_by_date_of_birth()
    {
        var member = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).Skip(7).FirstAsync());
        var client = await app.SignedInAs(Browsing.CareManager);
        var link = $"/Members/{member.Id}\"";

        Assert.Contains(link, await Search(client, name: member.FamilyName), StringComparison.Ordinal);
        Assert.Contains(link, await Search(client, name: $"{member.GivenName} {member.FamilyName}"), StringComparison.Ordinal);
        Assert.Contains(link, await Search(client, name: $"{member.FamilyName}, {member.GivenName[..2]}"), StringComparison.Ordinal);
        Assert.Contains(link, await Search(client, dateOfBirth: member.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await Search(client, name: "Zzzz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pcp_searching_a_name_sees_only_their_panel()
    {
        var (panel, everyone) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return (await db.Members.Where(m => m.PcpId == pcp).Select(m => m.Id).ToListAsync(), await db.Members.Select(m => m.Id).ToListAsync());
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var html = "";
        foreach (var prefix in new[] { "Ab", "Ba", "Ca", "De", "Er", "Fa", "Ga", "Ha" })
        {
            html += await Search(client, name: prefix);
        }

        var shown = everyone.Where(id => html.Contains($"/Members/{id}\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, id => Assert.Contains(id, panel));
    }

    [Theory]
    [InlineData("", "", "", "Enter a name, a date of birth or a member ID.")]
    [InlineData("A", "", "", "Enter at least 2 letters of the name.")]
    [InlineData("", "2999-01-01", "", "A date of birth cannot be in the future.")]
    [InlineData("", "", "M1<script>", "A member ID is 4 to 20 letters or digits")]
    public async Task Bad_criteria_get_a_clear_message_and_keep_what_was_typed(string name, string dateOfBirth, string memberId, string message)
    {
        var html = await Search(await app.SignedInAs(Browsing.CareManager), name, dateOfBirth, memberId);
        Assert.Contains(message, Browsing.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        if (name.Length > 0)
        {
            Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        }

        if (dateOfBirth.Length > 0)
        {
            Assert.Contains($"value=\"{dateOfBirth}\"", html, StringComparison.Ordinal);
        }
    }
}
