using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests;

/// <summary>Working a member's record end to end leaves ids in the logs, never the member's identity or clinical facts.</summary>
public class LogsCarryNoPhi(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task Viewing_and_searching_a_member_logs_no_identifying_or_clinical_detail()
    {
        var member = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).Skip(9).FirstAsync());
        var conditions = await app.WithDatabase(db => db.Conditions.Where(c => c.MemberId == member.Id).ToListAsync());
        var dateOfBirth = member.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var client = await app.SignedInAs(Browsing.CareManager);

        Assert.Contains(member.FamilyName, await client.GetStringAsync($"/Members/{member.Id}"), StringComparison.Ordinal);
        var form = await client.GetStringAsync("/Members");
        foreach (var criteria in new Dictionary<string, string>[]
        {
            new() { ["Search.Name"] = $"{member.GivenName} {member.FamilyName}" },
            new() { ["Search.DateOfBirth"] = dateOfBirth },
            new() { ["Search.MemberId"] = member.PlanMemberId },
            new() { ["Search.MemberId"] = member.PlanMemberId + "<bad>" },
        })
        {
            await client.PostFormAsync("/Members", form, criteria);
        }

        // The request log is written as the response completes, which can be just after the client has it.
        var requestLogged = await app.Logs.WaitFor(line => line.Contains($"/Members/{member.Id}", StringComparison.Ordinal));
        Assert.True(requestLogged, "the request log is there...\n" + string.Join("\n", app.Logs.Rendered.Take(30)));
        var logs = string.Join("\n", app.Logs.Rendered);
        string[] phi = [member.GivenName, member.FamilyName, member.PlanMemberId, dateOfBirth, member.Phone!,
            .. conditions.Select(c => c.Description), .. conditions.Select(c => c.Code.Value)];
        Assert.All(phi, fact => Assert.DoesNotContain(fact, logs, StringComparison.OrdinalIgnoreCase)); // ...and no PHI's in it
    }
}
