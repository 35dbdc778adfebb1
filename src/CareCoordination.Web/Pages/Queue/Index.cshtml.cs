using System.Globalization;
using System.Linq.Expressions;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Queue;

/// <summary>
/// The care managers' coordination queue: open work, filtered and counted, a page of 50 at a time keyed on the last row
/// shown. Each filter option carries how many tasks choosing it would show (one grouped query per filter).
/// </summary>
public sealed class IndexModel(CareDbContext db, MemberAccess access, PlanClock clock) : PageModel
{
    public const int PageSize = 50;

    public QueueQuery Query { get; private set; } = new();

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Matching { get; private set; }

    public string? NextPageUrl { get; private set; }

    public string FirstPageUrl => Query.With(_ => { }).ToUrl();

    public bool IsFirstPage => Query.After is null;

    public Glance AtAGlance { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<Choice> Triggers { get; private set; } = [];

    public IReadOnlyList<Choice> Priorities { get; private set; } = [];

    public IReadOnlyList<Choice> Statuses { get; private set; } = [];

    public IReadOnlyList<Choice> Ppgs { get; private set; } = [];

    public IReadOnlyList<Choice> Assignments { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public async Task OnGetAsync([FromQuery] QueueQuery query, CancellationToken cancellationToken)
    {
        Query = query;
        Today = clock.Today;
        var me = User.UserId();
        var visible = access.MembersVisibleTo(User).Select(m => m.Id);
        var tasks = db.CoordinationTasks.AsNoTracking().Where(t => visible.Contains(t.MemberId));

        var page = await Query.InOrderAfterKey(Query.Filter(tasks, me, Today))
            .Take(PageSize + 1)
            .Select(t => new Row(t.Id, t.Member.GivenName + " " + t.Member.FamilyName, t.Trigger, t.Priority, t.Status, t.DueOn,
                db.Users.Where(u => u.Id == t.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                t.Event == null ? null : t.Event.Summary))
            .ToListAsync(cancellationToken);
        Rows = page.Take(PageSize).ToList();
        NextPageUrl = page.Count > PageSize && Rows[^1] is var last ? Query.NextAfter(last.DueOn, last.Priority, last.Id).ToUrl() : null;

        AtAGlance = await GlanceAsync(tasks, me, cancellationToken);
        await CountOptionsAsync(tasks, me, cancellationToken);
    }

    /// <summary>The whole open queue, whatever the filters: one grouped query.</summary>
    private async Task<Glance> GlanceAsync(IQueryable<CoordinationTask> tasks, string me, CancellationToken cancellationToken)
    {
        var today = Today;
        var groups = await new QueueQuery().Filter(tasks, me, today)
            .GroupBy(t => new { t.AssigneeUserId, Overdue = t.DueOn < today })
            .Select(g => new { g.Key.AssigneeUserId, g.Key.Overdue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new Glance(
            groups.Sum(g => g.Count),
            groups.Where(g => g.Overdue).Sum(g => g.Count),
            groups.Where(g => g.AssigneeUserId is null).Sum(g => g.Count),
            groups.Where(g => g.AssigneeUserId == me).Sum(g => g.Count));
    }

    private async Task CountOptionsAsync(IQueryable<CoordinationTask> tasks, string me, CancellationToken cancellationToken)
    {
        var byTrigger = await CountBy(tasks, me, QueueFacet.Trigger, t => t.Trigger, cancellationToken);
        Triggers = Choices("Any rule", byTrigger, Query.Trigger, trigger => $"{trigger.RuleId()} {trigger.Label()}", Enum.GetValues<CoordinationTrigger>());
        Matching = Query.Trigger is { } chosen ? byTrigger.GetValueOrDefault(chosen) : byTrigger.Values.Sum();

        var byPriority = await CountBy(tasks, me, QueueFacet.Priority, t => t.Priority, cancellationToken);
        Priorities = Choices("Any priority", byPriority, Query.Priority, priority => priority.ToString(), Enum.GetValues<Priority>());

        var byStatus = await CountBy(tasks, me, QueueFacet.Status, t => t.Status, cancellationToken);
        Statuses =
        [
            new Choice("", "Open work", byStatus.Where(s => !CoordinationTask.IsClosedStatus(s.Key)).Sum(s => s.Value), Query.Status is null),
            .. Enum.GetValues<CoordinationTaskStatus>().Select(status => new Choice(status.ToString(),
                Sentence(CoordinationTask.Describe(status)), byStatus.GetValueOrDefault(status), Query.Status == status)),
        ];

        var byPpg = await CountBy(tasks, me, QueueFacet.Ppg, t => t.Member.PpgId, cancellationToken);
        var ppgs = await db.Ppgs.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        Ppgs =
        [
            new Choice("", "Any PPG", byPpg.Values.Sum(), Query.Ppg is null),
            .. ppgs.Select(g => new Choice(g.Id.ToString(CultureInfo.InvariantCulture), g.Name, byPpg.GetValueOrDefault(g.Id), Query.Ppg == g.Id)),
        ];

        var byAssignee = await Query.Filter(tasks, me, Today, QueueFacet.Assignment)
            .GroupBy(t => t.AssigneeUserId)
            .Select(g => new { AssigneeUserId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Assignments =
        [
            new Choice(nameof(Assignment.Anyone), "Anyone", byAssignee.Sum(g => g.Count), Query.Assigned == Assignment.Anyone),
            new Choice(nameof(Assignment.Me), "Assigned to me", byAssignee.Where(g => g.AssigneeUserId == me).Sum(g => g.Count), Query.Assigned == Assignment.Me),
            new Choice(nameof(Assignment.Unassigned), "Unassigned", byAssignee.Where(g => g.AssigneeUserId is null).Sum(g => g.Count), Query.Assigned == Assignment.Unassigned),
        ];

        var today = Today;
        OverdueCount = await Query.Filter(tasks, me, today, QueueFacet.Overdue)
            .CountAsync(t => t.DueOn < today && t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled, cancellationToken);
    }

    /// <summary>How many tasks each value of one filter would show, the other filters applied: one query for the whole grouping.</summary>
    private Task<Dictionary<TKey, int>> CountBy<TKey>(IQueryable<CoordinationTask> tasks, string me, QueueFacet facet,
        Expression<Func<CoordinationTask, TKey>> key, CancellationToken cancellationToken)
        where TKey : notnull =>
        Query.Filter(tasks, me, Today, facet)
            .GroupBy(key)
            .Select(g => new KeyValuePair<TKey, int>(g.Key, g.Count()))
            .ToDictionaryAsync(g => g.Key, g => g.Value, cancellationToken);

    private static List<Choice> Choices<T>(string anyText, Dictionary<T, int> counts, T? chosen, Func<T, string> text, IEnumerable<T> values)
        where T : struct, Enum =>
    [
        new Choice("", anyText, counts.Values.Sum(), chosen is null),
        .. values.Select(value => new Choice(value.ToString(), text(value), counts.GetValueOrDefault(value), chosen is { } picked && picked.Equals(value))),
    ];

    private static string Sentence(string words) => string.Concat(words[..1].ToUpperInvariant(), words[1..]);

    public sealed record Row(int Id, string MemberName, CoordinationTrigger Trigger, Priority Priority, CoordinationTaskStatus Status, DateOnly DueOn,
        string? Assignee, string? EventSummary)
    {
        public bool IsOverdueOn(DateOnly today) => CoordinationTask.IsOverdue(Status, DueOn, today);
    }

    /// <summary>One choice in a filter, with the number of tasks it would show.</summary>
    public sealed record Choice(string Value, string Text, int Count, bool Selected);

    public sealed record Glance(int Open, int Overdue, int Unassigned, int Mine);
}
