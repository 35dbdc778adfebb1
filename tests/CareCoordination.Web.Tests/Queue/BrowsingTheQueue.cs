using System.Globalization;
using System.Net;
using CareCoordination.Core.Coordination;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>
/// A care manager reads the queue: open work in a stable order, filters that show exactly their tasks, and counts beside
/// each option that match what choosing it shows. Expectations are computed here, in memory, from the demo's tasks.
/// </summary>
public class BrowsingTheQueue(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private sealed record Known(int Id, CoordinationTrigger Trigger, Priority Priority, CoordinationTaskStatus Status, DateOnly DueOn,
        string? AssigneeUserId, int PpgId, string MemberName, string? Summary)
    {
        public bool IsOpen => Status is not (CoordinationTaskStatus.Completed or CoordinationTaskStatus.Cancelled);
    }

    private Task<List<Known>> AllTasks() => app.WithDatabase(db => db.CoordinationTasks
        .Select(t => new Known(t.Id, t.Trigger, t.Priority, t.Status, t.DueOn, t.AssigneeUserId, t.Member.PpgId,
            t.Member.GivenName + " " + t.Member.FamilyName, t.Event == null ? null : t.Event.Summary))
        .ToListAsync());

    private static List<int> ByDue(IEnumerable<Known> tasks) => [.. tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Priority).ThenBy(t => t.Id).Select(t => t.Id)];

    private async Task<string> Queue(string query = "")
    {
        var response = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/Queue" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_queue_lists_open_work_soonest_due_first_with_what_each_row_needs()
    {
        var tasks = await AllTasks();
        var open = tasks.Where(t => t.IsOpen).ToList();
        Assert.True(open.Count >= 5, "The demo should queue a handful of open tasks.");

        var html = await Queue();

        var rows = QueuePages.Rows(html);
        Assert.Equal(ByDue(open), rows.Select(r => r.TaskId));
        Assert.Contains($"{open.Count} tasks", Browsing.Text(html), StringComparison.Ordinal);
        var claimed = open.First(t => t.AssigneeUserId is not null && t.Summary is not null);
        var row = Browsing.Text(rows.Single(r => r.TaskId == claimed.Id).Html);
        Assert.Contains(claimed.MemberName, row, StringComparison.Ordinal);
        Assert.Contains(claimed.Trigger.RuleId(), row, StringComparison.Ordinal);
        Assert.Contains(claimed.Trigger.Label(), row, StringComparison.Ordinal);
        Assert.Contains(claimed.Priority.ToString(), row, StringComparison.Ordinal);
        Assert.Contains(CoordinationTask.Describe(claimed.Status), row, StringComparison.Ordinal);
        Assert.Contains("Jordan Ellis", row, StringComparison.Ordinal);
        Assert.Contains(claimed.Summary!, row, StringComparison.Ordinal);
        Assert.Contains(claimed.DueOn.ToString("d", CultureInfo.GetCultureInfo("en-US")), row, StringComparison.Ordinal);
        Assert.Contains("unassigned", Browsing.Text(rows.Single(r => r.TaskId == open.First(t => t.AssigneeUserId is null).Id).Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_tasks_stand_out_with_a_marker_and_a_badge()
    {
        var today = QueuePages.Today(app);
        var overdue = (await AllTasks()).Where(t => t.IsOpen && t.DueOn < today).Select(t => t.Id).ToHashSet();
        Assert.NotEmpty(overdue);

        var rows = QueuePages.Rows(await Queue());

        Assert.Equal(overdue, rows.Where(r => r.MarkedOverdue).Select(r => r.TaskId).ToHashSet());
        Assert.All(rows, r => Assert.Equal(r.MarkedOverdue, r.Html.Contains(">overdue</span>", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_filter_shows_exactly_its_tasks()
    {
        var tasks = await AllTasks();
        var me = await QueuePages.UserIdOf(app, Browsing.CareManager);
        var today = QueuePages.Today(app);
        var harbor = tasks.GroupBy(t => t.PpgId).OrderByDescending(g => g.Count()).First().Key;
        (string Query, Func<Known, bool> Expected)[] cases =
        [
            ("?assigned=Unassigned", t => t.IsOpen && t.AssigneeUserId is null),
            ("?assigned=Me", t => t.IsOpen && t.AssigneeUserId == me),
            ("?trigger=MedicalToBhReferral", t => t.IsOpen && t.Trigger == CoordinationTrigger.MedicalToBhReferral),
            ("?priority=High", t => t.IsOpen && t.Priority == Priority.High),
            ("?status=Completed", t => t.Status == CoordinationTaskStatus.Completed),
            ("?status=WaitingOnProvider", t => t.Status == CoordinationTaskStatus.WaitingOnProvider),
            ($"?ppg={harbor}", t => t.IsOpen && t.PpgId == harbor),
            ("?overdue=true", t => t.IsOpen && t.DueOn < today),
            ("?assigned=Unassigned&priority=High", t => t.IsOpen && t.AssigneeUserId is null && t.Priority == Priority.High),
        ];

        foreach (var (query, expected) in cases)
        {
            var wanted = ByDue(tasks.Where(expected));
            Assert.True(wanted.Count > 0, $"The demo has no task for {query}; the case proves nothing.");
            var html = await Queue(query);
            Assert.True(wanted.SequenceEqual(QueuePages.Rows(html).Select(r => r.TaskId)), $"{query} showed the wrong tasks.");
            Assert.Contains($"{wanted.Count} {(wanted.Count == 1 ? "task" : "tasks")}", Browsing.Text(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sorting_by_priority_puts_urgent_first_then_the_soonest_due()
    {
        var open = (await AllTasks()).Where(t => t.IsOpen);

        var rows = QueuePages.Rows(await Queue("?sort=Priority"));

        Assert.Equal(open.OrderBy(t => t.Priority).ThenBy(t => t.DueOn).ThenBy(t => t.Id).Select(t => t.Id), rows.Select(r => r.TaskId));
        Assert.Equal(Priority.Urgent, open.Single(t => t.Id == rows[0].TaskId).Priority);
    }

    [Fact]
    public async Task The_count_beside_each_option_is_what_choosing_it_would_show()
    {
        var tasks = await AllTasks();
        var open = tasks.Where(t => t.IsOpen).ToList();
        var me = await QueuePages.UserIdOf(app, Browsing.CareManager);
        var today = QueuePages.Today(app);

        var html = await Queue();

        var triggers = QueuePages.Choices(html, "trigger");
        Assert.Equal((open.Count, true), triggers[""]);
        Assert.All(Enum.GetValues<CoordinationTrigger>(), trigger =>
            Assert.Equal(open.Count(t => t.Trigger == trigger), triggers[trigger.ToString()].Count));
        var priorities = QueuePages.Choices(html, "priority");
        Assert.All(Enum.GetValues<Priority>(), priority =>
            Assert.Equal(open.Count(t => t.Priority == priority), priorities[priority.ToString()].Count));
        var statuses = QueuePages.Choices(html, "status");
        Assert.Equal(open.Count, statuses[""].Count);
        Assert.All(Enum.GetValues<CoordinationTaskStatus>(), status =>
            Assert.Equal(tasks.Count(t => t.Status == status), statuses[status.ToString()].Count));
        var ppgs = QueuePages.Choices(html, "ppg");
        Assert.All(open.Select(t => t.PpgId).Distinct(), ppg =>
            Assert.Equal(open.Count(t => t.PpgId == ppg), ppgs[ppg.ToString(CultureInfo.InvariantCulture)].Count));
        var assigned = QueuePages.Choices(html, "assigned");
        Assert.Equal((open.Count, open.Count(t => t.AssigneeUserId == me), open.Count(t => t.AssigneeUserId is null)),
            (assigned["Anyone"].Count, assigned["Me"].Count, assigned["Unassigned"].Count));
        Assert.Contains($"Overdue only ({open.Count(t => t.DueOn < today)})", Browsing.Text(html), StringComparison.Ordinal);

        // Choosing any option shows as many rows as its count said.
        foreach (var (value, (count, _)) in triggers.Where(t => t.Key != ""))
        {
            Assert.Equal(count, QueuePages.Rows(await Queue($"?trigger={value}")).Count);
        }
    }

    [Fact]
    public async Task Counts_under_a_filter_narrow_every_other_grouping_but_not_its_own()
    {
        var open = (await AllTasks()).Where(t => t.IsOpen).ToList();
        var unassigned = open.Where(t => t.AssigneeUserId is null).ToList();

        var html = await Queue("?assigned=Unassigned");

        var triggers = QueuePages.Choices(html, "trigger");
        Assert.All(Enum.GetValues<CoordinationTrigger>(), trigger =>
            Assert.Equal(unassigned.Count(t => t.Trigger == trigger), triggers[trigger.ToString()].Count));
        var priorities = QueuePages.Choices(html, "priority");
        Assert.Equal(unassigned.Count, priorities[""].Count);
        var assigned = QueuePages.Choices(html, "assigned");
        Assert.Equal(open.Count, assigned["Anyone"].Count);
        Assert.False(assigned["Anyone"].Selected);
        Assert.True(assigned["Unassigned"].Selected);
    }

    [Fact]
    public async Task Each_status_count_follows_the_other_filters_for_closed_work_too()
    {
        var tasks = await AllTasks();
        var me = await QueuePages.UserIdOf(app, Browsing.CareManager);
        (string Query, Func<Known, bool> Others)[] cases =
        [
            ("?assigned=Me", t => t.AssigneeUserId == me),
            ("?assigned=Unassigned&priority=Routine", t => t.AssigneeUserId is null && t.Priority == Priority.Routine),
            ("?trigger=PsychotropicStartOrChange", t => t.Trigger == CoordinationTrigger.PsychotropicStartOrChange),
            ("?status=Completed&assigned=Me", t => t.AssigneeUserId == me),
            ("?overdue=true", t => t.IsOpen && t.DueOn < QueuePages.Today(app)),
        ];

        foreach (var (query, others) in cases)
        {
            var statuses = QueuePages.Choices(await Queue(query), "status");
            Assert.All(Enum.GetValues<CoordinationTaskStatus>(), status =>
                Assert.True(tasks.Count(t => t.Status == status && others(t)) == statuses[status.ToString()].Count, $"{query}: {status}"));
        }

        Assert.True(tasks.Exists(t => !t.IsOpen && t.AssigneeUserId == me), "The demo has no closed task of the care manager's; the cases prove less.");
    }

    [Fact]
    public async Task The_chips_count_the_whole_open_queue_and_lead_to_their_filter()
    {
        var open = (await AllTasks()).Where(t => t.IsOpen).ToList();
        var me = await QueuePages.UserIdOf(app, Browsing.CareManager);
        var today = QueuePages.Today(app);

        foreach (var query in new[] { "", "?priority=Urgent" })
        {
            var html = await Queue(query);
            Assert.Equal(open.Count, QueuePages.Glance(html, "open"));
            Assert.Equal(open.Count(t => t.DueOn < today), QueuePages.Glance(html, "overdue"));
            Assert.Equal(open.Count(t => t.AssigneeUserId is null), QueuePages.Glance(html, "unassigned"));
            Assert.Equal(open.Count(t => t.AssigneeUserId == me), QueuePages.Glance(html, "assigned to you"));
        }

        var unassigned = await Queue("?assigned=Unassigned");
        Assert.Equal(open.Count(t => t.AssigneeUserId is null), QueuePages.Rows(unassigned).Count);
    }

    [Fact]
    public async Task Nonsense_in_the_query_string_is_ignored_rather_than_failing()
    {
        var open = (await AllTasks()).Where(t => t.IsOpen).ToList();

        var html = await Queue("?trigger=Nonsense&priority=9&status=&ppg=abc&afterId=12&afterDue=not-a-date&sort=Sideways");

        Assert.Equal(ByDue(open), QueuePages.Rows(html).Select(r => r.TaskId));
    }

    [Theory]
    [InlineData(Browsing.Pcp)]
    [InlineData(Browsing.Bh)]
    [InlineData(Browsing.Admin)]
    public async Task Only_care_managers_reach_the_queue(string email)
    {
        var taskId = await app.WithDatabase(db => db.CoordinationTasks.Select(t => t.Id).FirstAsync());
        var client = await app.SignedInAs(email);

        foreach (var url in new[] { "/Queue", $"/Queue/{taskId}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
