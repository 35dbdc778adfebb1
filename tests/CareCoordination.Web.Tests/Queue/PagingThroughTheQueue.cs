using System.Net;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>
/// A long queue, 50 rows a page. "Next page" carries the last row's key, not an offset, so walking the pages shows every
/// task once, even when tasks arrive between one page and the next.
/// </summary>
public class PagingThroughTheQueue(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private sealed record Key(int Id, DateOnly DueOn, Priority Priority, CoordinationTaskStatus Status, bool Unassigned);

    /// <summary>Many tasks sharing due dates and priorities, so the id must break ties; spread over the demo's members.</summary>
    private Task<List<int>> AddTasks(int count, int firstDueOffset, int dueSpread) => app.WithDatabase(async db =>
    {
        var clock = app.Services.GetRequiredService<PlanClock>();
        var members = await db.Members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        var tasks = Enumerable.Range(0, count).Select(i => CoordinationTask.Open(members[i % members.Count], cause: null,
            (CoordinationTrigger)(i % 6), (Priority)(i % 3), clock.Today.AddDays(firstDueOffset + (i % dueSpread)), clock.UtcNow)).ToList();
        db.CoordinationTasks.AddRange(tasks);
        await db.SaveChangesAsync();
        return tasks.Select(t => t.Id).ToList();
    });

    private Task<List<Key>> OpenTasks(Func<Key, bool>? also = null) => app.WithDatabase(async db =>
        (await db.CoordinationTasks.Where(t => t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled)
            .Select(t => new Key(t.Id, t.DueOn, t.Priority, t.Status, t.AssigneeUserId == null)).ToListAsync())
            .Where(also ?? (_ => true)).ToList());

    private static async Task<(List<int> Ids, string? Next, string Html)> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return ([.. QueuePages.Rows(html).Select(r => r.TaskId)], QueuePages.Link(html, "Next page"), html);
    }

    /// <summary>The tasks a filter in the query string shows, as the walk below writes them.</summary>
    private static Func<Key, bool> Matching(string filter) => filter switch
    {
        "" => _ => true,
        "priority=Routine&assigned=Unassigned" => k => k.Priority == Priority.Routine && k.Unassigned,
        "priority=High" => k => k.Priority == Priority.High,
        "status=Open" => k => k.Status == CoordinationTaskStatus.Open,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "No predicate written for this filter."),
    };

    [Theory]
    [InlineData("Due", "")]
    [InlineData("Priority", "")]
    [InlineData("Priority", "priority=Routine&assigned=Unassigned")]
    [InlineData("Due", "priority=High")]
    [InlineData("Priority", "status=Open")]
    public async Task Walking_the_pages_shows_every_task_once_even_when_tasks_arrive_between_pages(string sort, string filter)
    {
        // About eleven tasks share each due date and priority, so pages end inside runs of ties.
        await AddTasks(400, firstDueOffset: -5, dueSpread: 12);
        var matching = Matching(filter);
        var before = await OpenTasks(matching);
        Func<Key, IComparable> first = sort == "Due" ? k => k.DueOn : k => k.Priority;
        Func<Key, IComparable> second = sort == "Due" ? k => k.Priority : k => k.DueOn;
        var query = string.Join('&', new[] { filter, sort == "Due" ? "" : $"sort={sort}" }.Where(part => part.Length > 0));
        var firstPage = query.Length == 0 ? "/Queue" : $"/Queue?{query}";
        var client = await app.SignedInAs(Browsing.CareManager);

        var (page1, next, _) = await Page(client, firstPage);
        Assert.Equal(50, page1.Count);
        Assert.NotNull(next);
        var arrived = await AddTasks(20, firstDueOffset: -10, dueSpread: 40);
        var seen = new List<int>(page1);
        var pages = 1;
        while (next is not null)
        {
            var (ids, following, html) = await Page(client, next);
            Assert.Equal(firstPage, QueuePages.Link(html, "First page"));
            seen.AddRange(ids);
            next = following;
            pages++;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Select(k => k.Id).Except(seen));
        var all = (await OpenTasks()).ToDictionary(k => k.Id);
        Assert.All(seen, id => Assert.True(matching(all[id]), $"Task {id} does not match {filter}."));
        var order = seen.Select(id => all[id]).ToList();
        Assert.Equal(order.OrderBy(first).ThenBy(second).ThenBy(k => k.Id).Select(k => k.Id), seen);
        // Tasks that arrived after page 1 appear exactly when they sort after its last row; none pushed an old row off a page.
        var lastOfPage1 = all[page1[^1]];
        var expectedNewcomers = arrived.Where(id => matching(all[id])
            && (first(all[id]), second(all[id]), id).CompareTo((first(lastOfPage1), second(lastOfPage1), lastOfPage1.Id)) > 0);
        Assert.Equal(expectedNewcomers.Order(), seen.Intersect(arrived).Order());
        Assert.True(pages >= 3, $"Only {pages} pages: the walk proves little.");
    }

    [Fact]
    public async Task The_next_page_keeps_the_filters_and_carries_only_ids_enum_names_and_dates()
    {
        await AddTasks(120, firstDueOffset: -3, dueSpread: 8);
        var client = await app.SignedInAs(Browsing.CareManager);

        var (page1, next, html) = await Page(client, "/Queue?assigned=Unassigned&priority=&sort=Priority&overdue=false");

        Assert.NotNull(next);
        Assert.Null(QueuePages.Link(html, "First page"));
        var query = next[(next.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(["assigned", "sort", "afterDue", "afterPriority", "afterId"], query.Keys);
        Assert.Equal(("Unassigned", "Priority"), (query["assigned"], query["sort"]));
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", query["afterDue"]);
        Assert.Contains(query["afterPriority"], Enum.GetNames<Priority>());
        Assert.Equal(page1[^1].ToString(System.Globalization.CultureInfo.InvariantCulture), query["afterId"]);
        var names = await app.WithDatabase(db => db.Members.Select(m => m.FamilyName).ToListAsync());
        Assert.DoesNotContain(names, name => next.Contains(name, StringComparison.OrdinalIgnoreCase));

        var (page2, _, _) = await Page(client, next);
        var unassigned = (await OpenTasks(k => k.Unassigned)).Select(k => k.Id).ToHashSet();
        Assert.NotEmpty(page2);
        Assert.Empty(page1.Intersect(page2));
        Assert.Subset(unassigned, page2.ToHashSet());
    }

    [Fact]
    public async Task A_page_costs_the_same_few_queries_however_many_rows_it_shows()
    {
        await AddTasks(60, firstDueOffset: 0, dueSpread: 5);
        var commands = new CountingCommands();
        using var watched = app.WithInterceptor(commands);
        var client = await watched.SignedInClient(Browsing.CareManager);

        async Task<int> QueriesFor(string url)
        {
            commands.Reset();
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return commands.Count;
        }

        var oneRow = await QueriesFor("/Queue?trigger=PcpFinding&priority=Urgent&status=Open&overdue=false&assigned=Unassigned&sort=Due");
        var fullPage = await QueriesFor("/Queue");

        Assert.Equal(50, QueuePages.Rows(await client.GetStringAsync("/Queue")).Count);
        Assert.Equal(oneRow, fullPage);
        Assert.InRange(fullPage, 1, 10);
    }

    [Fact]
    public async Task A_page_key_from_a_bookmark_after_the_last_task_shows_an_empty_page_with_a_way_back()
    {
        var client = await app.SignedInAs(Browsing.CareManager);

        var (ids, next, html) = await Page(client, "/Queue?afterDue=2999-01-01&afterPriority=Routine&afterId=1");

        Assert.Empty(ids);
        Assert.Null(next);
        Assert.Contains("No tasks match these filters.", html, StringComparison.Ordinal);
        Assert.Equal("/Queue", QueuePages.Link(html, "First page"));
    }
}
