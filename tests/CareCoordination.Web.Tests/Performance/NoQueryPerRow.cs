using System.Net;
using CareCoordination.Web.Tests.Queue;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Performance;

/// <summary>
/// A page sends the same number of SQL commands however many rows it shows: each list page is counted, the data behind
/// it grows (more events, tasks, inbox messages and audit entries for the same people), and it is counted again.
/// A query per row (N+1) would make the second count larger.
/// </summary>
public class NoQueryPerRow(CountingAppFactory app, ITestOutputHelper output) : IClassFixture<CountingAppFactory>
{
    [Fact]
    public async Task Every_list_page_sends_as_many_commands_after_its_data_grows()
    {
        var member = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        var task = await QueuePages.OpenTaskAsync(app);
        var pcp = await app.SignedInAs(Browsing.Pcp);
        var careManager = await app.SignedInAs(Browsing.CareManager);
        var admin = await app.SignedInAs(Browsing.Admin);
        (string Who, HttpClient Client, string Url)[] pages =
        [
            ("PCP", pcp, "/"),
            ("PCP", pcp, $"/Members/{member}"),
            ("PCP", pcp, "/Inbox"),
            ("PCP", pcp, $"/Members/{member}/Releases"),
            ("PCP", pcp, $"/Members/{member}/Releases/Accounting"),
            ("care manager", careManager, "/"),
            ("care manager", careManager, "/Queue"),
            ("care manager", careManager, "/Queue?status=Open&priority=High&sort=Priority"),
            ("care manager", careManager, $"/Queue/{task}"),
            ("admin", admin, "/Admin/Audit"),
            ("admin", admin, "/Admin/Providers"),
            ("admin", admin, "/Admin/Users"),
        ];

        var before = await CountAllAsync(pages);
        for (var i = 0; i < 6; i++)
        {
            var recorded = await pcp.SubmitFormAsync($"/Members/{member}/Findings/New", new()
            {
                ["Input.Category"] = "Depression",
                ["Input.NextStep"] = "AskBhProviderServices",
                ["Input.Phq9"] = "15",
                ["Input.Phq9Item9"] = "0",
            });
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
            await QueuePages.OpenTaskAsync(app, memberIndex: i);
        }

        var after = await CountAllAsync(pages);

        for (var i = 0; i < pages.Length; i++)
        {
            output.WriteLine($"{pages[i].Url,-55} as {pages[i].Who}: {before[i]} commands, {after[i]} after the data grew");
        }

        Assert.All(Enumerable.Range(0, pages.Length), i => Assert.True(before[i] == after[i],
            $"{pages[i].Url} as {pages[i].Who} sent {before[i]} commands, then {after[i]} with more rows: a query per row."));
    }

    private async Task<int[]> CountAllAsync((string Who, HttpClient Client, string Url)[] pages)
    {
        var counts = new int[pages.Length];
        for (var i = 0; i < pages.Length; i++)
        {
            app.Commands.Reset();
            var response = await pages[i].Client.GetAsync(pages[i].Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pages[i].Url}: {response.StatusCode}");
            counts[i] = app.Commands.Count;
        }

        return counts;
    }
}
