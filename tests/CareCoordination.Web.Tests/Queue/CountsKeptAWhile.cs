using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Tests.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>The app as production runs it: the queue's filter counts are a snapshot kept for 30 seconds, on a clock the test steps.</summary>
public sealed class CountsKeptAWhileAppFactory : CareAppFactory
{
    public SteppableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Queue:CountsFreshForSeconds", "30");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// The rows are always live; the counts beside the filters come from a snapshot that is refreshed once it is older than
/// its lifetime, and the page says when it was taken.
/// </summary>
public partial class CountsKeptAWhile(CountsKeptAWhileAppFactory app) : IClassFixture<CountsKeptAWhileAppFactory>
{
    [Fact]
    public async Task Counts_stay_as_taken_until_they_expire_then_the_next_views_show_the_new_work()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var before = await Queue(client);
        var open = QueuePages.Glance(before, "open");
        var takenAt = CountsTakenAt(before);

        var added = await app.WithDatabase(async db =>
        {
            var member = db.Members.OrderBy(m => m.Id).First();
            var task = CoordinationTask.Open(member.Id, null, CoordinationTrigger.PcpFinding, Priority.Urgent,
                DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), app.Clock.GetUtcNow().UtcDateTime);
            db.CoordinationTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });

        var kept = await Queue(client, "?sort=Priority");
        Assert.Contains(added, QueuePages.Rows(kept).Select(r => r.TaskId));
        Assert.Equal(open, QueuePages.Glance(kept, "open"));
        Assert.Equal(takenAt, CountsTakenAt(kept));

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var refreshed = await Eventually(client, html => QueuePages.Glance(html, "open") == open + 1);
        Assert.NotEqual(takenAt, CountsTakenAt(refreshed));
        Assert.Equal(open + 1, QueuePages.Choices(refreshed, "trigger")[""].Count);
    }

    [Fact]
    public async Task Closed_work_is_counted_again_ten_lifetimes_later_while_open_work_follows_each_lifetime()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        // Both parts old: the next view starts counting both again, and a later one shows them.
        var stale = await Queue(client);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var before = await Eventually(client, html => CountsTakenAt(html) != CountsTakenAt(stale));
        var open = QueuePages.Glance(before, "open");
        var completed = QueuePages.Choices(before, "status")["Completed"].Count;

        await app.WithDatabase(async db =>
        {
            var task = db.CoordinationTasks.WhereOpen().OrderBy(t => t.Id).First();
            Assert.True(task.CloseOnAcknowledgement("The PCP acknowledged.", app.Clock.GetUtcNow().UtcDateTime).Done);
            await db.SaveChangesAsync();
            return task.Id;
        });

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var openRecounted = await Eventually(client, html => QueuePages.Glance(html, "open") == open - 1);
        Assert.Equal(completed, QueuePages.Choices(openRecounted, "status")["Completed"].Count);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually(client, html => QueuePages.Choices(html, "status")["Completed"].Count == completed + 1);
    }

    private static async Task<string> Queue(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/Queue" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The refresh runs beside the view that found the snapshot old, so a later view shows it; ten seconds is far beyond it.</summary>
    private static async Task<string> Eventually(HttpClient client, Func<string, bool> shows)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var html = await Queue(client);
            if (shows(html))
            {
                return html;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The counts were never refreshed.");
        return "";
    }

    private static string CountsTakenAt(string html)
    {
        var match = AsOf().Match(html);
        Assert.True(match.Success, "The page does not say when its counts were taken.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("id=\"counts-as-of\">Counts as of <time datetime=\"([^\"]+)\"")]
    private static partial Regex AsOf();
}
