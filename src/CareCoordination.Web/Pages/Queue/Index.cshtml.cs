using System.Globalization;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Queue;

/// <summary>
/// The care managers' coordination queue: open work, filtered and counted, a page of 50 at a time keyed on the last row
/// shown. Each filter option carries how many tasks choosing it would show, from the plan-wide <see cref="QueueCounts"/>.
/// </summary>
public sealed class IndexModel(CareDbContext db, QueueCounts counts, PlanClock clock, Part2Reach part2) : PageModel
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

    /// <summary>When the counts beside the filters were taken (they may be up to Queue:CountsFreshForSeconds old).</summary>
    public DateTime CountsTakenAt { get; private set; }

    public string CountsAsOf => Display.Moment(CountsTakenAt, clock.PlanZone);

    public async Task<IActionResult> OnGetAsync([FromQuery] QueueQuery query, CancellationToken cancellationToken)
    {
        // The queue and its counts are plan-wide: only someone who sees every member may work it.
        if (!MemberAccess.SeesWholePlan(User))
        {
            return Forbid();
        }

        Query = query;
        Today = clock.Today;
        var me = User.UserId();
        var page = await Query.PageAfterKey(Query.Filter(db.CoordinationTasks.AsNoTracking(), me, Today), PageSize + 1)
            .Select(t => new Row(t.Id, t.Member.GivenName + " " + t.Member.FamilyName, t.Trigger, t.Priority, t.Status, t.DueOn,
                db.Users.Where(u => u.Id == t.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                t.Event == null ? null : t.Event.Summary, t.MemberId, t.Event != null && t.Event.IsPart2Information, t.Event == null ? null : t.Event.ProviderId))
            .ToListAsync(cancellationToken);
        var shareOf = await part2.SharesForAsync(User, page.Select(r => (r.MemberId, r.EventIsPart2Information)), cancellationToken);
        Rows = [.. page.Take(PageSize).Select(r => shareOf(r.MemberId, r.EventIsPart2Information, r.EventProviderId).Shown ? r : r with { EventSummary = Part2Sharing.WithheldLine })];
        NextPageUrl = page.Count > PageSize && Rows[^1] is var last ? Query.NextAfter(last.DueOn, last.Priority, last.Id).ToUrl() : null;

        var snapshot = await counts.CurrentAsync(db, cancellationToken);
        CountsTakenAt = snapshot.TakenAt;
        var ppgs = await db.Ppgs.AsNoTracking().OrderBy(g => g.Name).Select(g => new PpgName(g.Id, g.Name)).ToListAsync(cancellationToken);
        ShowCounts(snapshot.For(Query, me), ppgs);
        return Page();
    }

    private void ShowCounts(QueueCounts.FilterCounts counts, List<PpgName> ppgs)
    {
        Matching = counts.Matching;
        AtAGlance = counts.Glance;
        Triggers = Choices("Any rule", counts.ByTrigger, Query.Trigger, trigger => $"{trigger.RuleId()} {trigger.Label()}", Enum.GetValues<CoordinationTrigger>());
        Priorities = Choices("Any priority", counts.ByPriority, Query.Priority, priority => priority.ToString(), Enum.GetValues<Priority>());
        Statuses =
        [
            new Choice("", "Open work", counts.ByStatus.Where(s => !CoordinationTask.IsClosedStatus(s.Key)).Sum(s => s.Value), Query.Status is null),
            .. Enum.GetValues<CoordinationTaskStatus>().Select(status => new Choice(status.ToString(),
                Sentence(CoordinationTask.Describe(status)), counts.ByStatus.GetValueOrDefault(status), Query.Status == status)),
        ];
        Ppgs =
        [
            new Choice("", "Any PPG", counts.ByPpg.Values.Sum(), Query.Ppg is null),
            .. ppgs.Select(g => new Choice(g.Id.ToString(CultureInfo.InvariantCulture), g.Name, counts.ByPpg.GetValueOrDefault(g.Id), Query.Ppg == g.Id)),
        ];
        var (anyone, mine, unassigned) = counts.ByAssignment;
        Assignments =
        [
            new Choice(nameof(Assignment.Anyone), "Anyone", anyone, Query.Assigned == Assignment.Anyone),
            new Choice(nameof(Assignment.Me), "Assigned to me", mine, Query.Assigned == Assignment.Me),
            new Choice(nameof(Assignment.Unassigned), "Unassigned", unassigned, Query.Assigned == Assignment.Unassigned),
        ];
        OverdueCount = counts.Overdue;
    }

    private static List<Choice> Choices<T>(string anyText, Dictionary<T, int> counts, T? chosen, Func<T, string> text, IEnumerable<T> values)
        where T : struct, Enum =>
    [
        new Choice("", anyText, counts.Values.Sum(), chosen is null),
        .. values.Select(value => new Choice(value.ToString(), text(value), counts.GetValueOrDefault(value), chosen is { } picked && picked.Equals(value))),
    ];

    private static string Sentence(string words) => string.Concat(words[..1].ToUpperInvariant(), words[1..]);

    public sealed record Row(int Id, string MemberName, CoordinationTrigger Trigger, Priority Priority, CoordinationTaskStatus Status, DateOnly DueOn,
        string? Assignee, string? EventSummary, int MemberId = 0, bool EventIsPart2Information = false, int? EventProviderId = null)
    {
        public bool IsOverdueOn(DateOnly today) => CoordinationTask.IsOverdue(Status, DueOn, today);
    }

    /// <summary>One choice in a filter, with the number of tasks it would show.</summary>
    public sealed record Choice(string Value, string Text, int Count, bool Selected);

    public sealed record Glance(int Open, int Overdue, int Unassigned, int Mine);

    private sealed record PpgName(int Id, string Name);
}
