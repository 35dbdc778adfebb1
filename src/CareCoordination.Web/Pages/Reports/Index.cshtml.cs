using CareCoordination.Core.Coordination;
using CareCoordination.Core.Reports;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Reports;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Reports;

/// <summary>
/// The care managers' dashboard: the open queue by rule and priority, work created and closed each week, how fast tasks are
/// first worked and completed, how many are completed within their due date, how often and how fast PCPs acknowledge
/// messages from behavioral health, and how long open work has waited. Every number is a grouped query; each duration is one
/// number the database subtracts, so the medians are exact over the whole range.
/// </summary>
[Authorize(Roles = CareRoles.CareManager + "," + CareRoles.Admin)]
public sealed class IndexModel(CareDbContext db, PlanClock clock, IValidator<ReportFilter> validator) : ReportPageModel(db, clock, validator)
{
    public IReadOnlyList<OpenByRule> Open { get; private set; } = [];

    public IReadOnlyList<WeekRow> Weeks { get; private set; } = [];

    public DurationSummary FirstContact { get; private set; } = DurationSummary.Empty;

    public DurationSummary Completion { get; private set; } = DurationSummary.Empty;

    public SlaCounts Sla { get; private set; } = new(0, 0, 0, 0);

    public int MessagesSent { get; private set; }

    public int MessagesAcknowledged { get; private set; }

    public DurationSummary Acknowledgement { get; private set; } = DurationSummary.Empty;

    public IReadOnlyList<(QueueAgeBucket Bucket, int Count)> QueueAges { get; private set; } = [];

    public int OpenTotal => Open.Sum(o => o.Total.Open);

    public int OverdueTotal => Open.Sum(o => o.Total.Overdue);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return;
        }

        var tasks = Filter.Apply(Db.CoordinationTasks.AsNoTracking());
        var (start, end) = Filter.Instants(PlanZone);
        var created = tasks.Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        await CountOpenAsync(tasks, cancellationToken);
        var dueDates = await CountWeeksAsync(tasks, created, start, end, cancellationToken);
        await MeasureTasksAsync(created, cancellationToken);
        await CountSlaAsync(created, dueDates, cancellationToken);
        await MeasureAcknowledgementsAsync(start, end, cancellationToken);
        await CountQueueAgesAsync(tasks, cancellationToken);
    }

    /// <summary>The open queue now (the dates do not apply): by rule and priority, and how much of it is past due.</summary>
    private async Task CountOpenAsync(IQueryable<CoordinationTask> tasks, CancellationToken cancellationToken)
    {
        var today = Today;
        var groups = await tasks.WhereOpen()
            .GroupBy(t => new { t.Trigger, t.Priority })
            .Select(g => new { g.Key.Trigger, g.Key.Priority, Open = g.Count(), Overdue = g.Count(t => t.DueOn < today) })
            .ToListAsync(cancellationToken);
        Open = [.. Enum.GetValues<CoordinationTrigger>().Select(trigger => new OpenByRule(trigger,
            [.. Enum.GetValues<Priority>().Select(priority => groups.SingleOrDefault(g => g.Trigger == trigger && g.Priority == priority) is { } g
                ? new OpenCount(g.Open, g.Overdue) : new OpenCount(0, 0))]))];
    }

    /// <summary>
    /// Tasks created and tasks closed (completed or cancelled) in each plan week of the range; and the first and last due
    /// date of the tasks created, for the SLA count (read here, so the same tasks are not read once more for them).
    /// </summary>
    private async Task<(DateOnly First, DateOnly Last)?> CountWeeksAsync(IQueryable<CoordinationTask> tasks, IQueryable<CoordinationTask> created, DateTime start, DateTime end,
        CancellationToken cancellationToken)
    {
        var weeks = ReportWeeks.Covering(Filter.FirstDay, Filter.LastDay);
        var thresholds = weeks.Skip(1).Select(monday => PlanDays.StartUtc(monday, PlanZone)).ToList();
        var indexes = Enumerable.Range(0, weeks.Count).ToList();
        var createdWeek = StepFunction.Over<CoordinationTask, DateTime, int>(t => t.CreatedAt, thresholds, indexes);
        var closedWeek = StepFunction.Over<CoordinationTask, DateTime, int>(t => t.ClosedAt!.Value, thresholds, indexes);
        var createdIn = await created
            .GroupBy(createdWeek).Select(g => new { Week = g.Key, Count = g.Count(), FirstDue = g.Min(t => t.DueOn), LastDue = g.Max(t => t.DueOn) })
            .ToDictionaryAsync(g => g.Week, cancellationToken);
        var closed = await tasks.Where(t => t.ClosedAt >= start && t.ClosedAt < end)
            .GroupBy(closedWeek).Select(g => new { Week = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Week, g => g.Count, cancellationToken);
        Weeks = [.. indexes.Select(i => new WeekRow(weeks[i], createdIn.GetValueOrDefault(i)?.Count ?? 0, closed.GetValueOrDefault(i)))];
        return createdIn.Count == 0 ? null : (createdIn.Values.Min(w => w.FirstDue), createdIn.Values.Max(w => w.LastDue));
    }

    /// <summary>For tasks created in the range: time to the first logged contact attempt, and to completion.</summary>
    private async Task MeasureTasksAsync(IQueryable<CoordinationTask> created, CancellationToken cancellationToken)
    {
        FirstContact = await SummarizeAsync(created.Where(t => t.FirstContactAt != null)
            .Select(t => UnixTime.Seconds(t.FirstContactAt!.Value) - UnixTime.Seconds(t.CreatedAt)), cancellationToken);
        Completion = await SummarizeAsync(created.Where(t => t.Status == CoordinationTaskStatus.Completed && t.ClosedAt != null)
            .Select(t => UnixTime.Seconds(t.ClosedAt!.Value) - UnixTime.Seconds(t.CreatedAt)), cancellationToken);
    }

    /// <summary>
    /// Tasks created in the range, judged against their due date (counted in business days when the task was opened): met
    /// when completed by the end of the due date, missed when completed later or still open after it. Open tasks not yet due
    /// are pending; cancelled tasks are not counted.
    /// </summary>
    private async Task CountSlaAsync(IQueryable<CoordinationTask> created, (DateOnly First, DateOnly Last)? dueDates, CancellationToken cancellationToken)
    {
        if (dueDates is not { } span)
        {
            Sla = new SlaCounts(0, 0, 0, 0);
            return;
        }

        // The instant each due date ends: the start of the next plan day.
        var days = Enumerable.Range(0, span.Last.DayNumber - span.First.DayNumber + 1).Select(span.First.AddDays).ToList();
        var deadline = StepFunction.Over<CoordinationTask, DateOnly, DateTime>(t => t.DueOn, days.Skip(1).ToList(), [.. days.Select(d => PlanDays.StartUtc(d.AddDays(1), PlanZone))]);
        var today = Today;
        var outcome = StepFunction.Inline((CoordinationTask t, DateTime endOfDueDate) => new SlaGroup
        {
            Completed = t.Status == CoordinationTaskStatus.Completed,
            OnTime = t.ClosedAt < endOfDueDate,
            PastDue = t.DueOn < today,
        }, deadline);
        var groups = await created.Where(t => t.Status != CoordinationTaskStatus.Cancelled).GroupBy(outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Sla = new SlaCounts(
            Met: groups.Where(g => g.Key.Completed && g.Key.OnTime).Sum(g => g.Count),
            CompletedLate: groups.Where(g => g.Key.Completed && !g.Key.OnTime).Sum(g => g.Count),
            OpenPastDue: groups.Where(g => !g.Key.Completed && g.Key.PastDue).Sum(g => g.Count),
            Pending: groups.Where(g => !g.Key.Completed && !g.Key.PastDue).Sum(g => g.Count));
    }

    /// <summary>Coordination messages sent to PCPs in the range: how many were acknowledged (so far), and how fast.</summary>
    private async Task MeasureAcknowledgementsAsync(DateTime start, DateTime end, CancellationToken cancellationToken)
    {
        var messages = Filter.Apply(Db.InboxMessages.AsNoTracking(), Db).Where(m => m.SentAt >= start && m.SentAt < end);
        var counts = await messages.GroupBy(m => m.AcknowledgedAt != null).Select(g => new { Acknowledged = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        MessagesSent = counts.Sum(c => c.Count);
        MessagesAcknowledged = counts.Where(c => c.Acknowledged).Sum(c => c.Count);
        Acknowledgement = await SummarizeAsync(messages.Where(m => m.AcknowledgedAt != null)
            .Select(m => UnixTime.Seconds(m.AcknowledgedAt!.Value) - UnixTime.Seconds(m.SentAt)), cancellationToken);
    }

    /// <summary>Every duration in the range, exact: the database subtracts, so each row is one number to read.</summary>
    private static async Task<DurationSummary> SummarizeAsync(IQueryable<long> seconds, CancellationToken cancellationToken) =>
        DurationSummary.Of((await seconds.ToListAsync(cancellationToken)).Select(TimeSpan.FromSeconds));

    /// <summary>The open queue now, by how many plan days each task has waited since it was created.</summary>
    private async Task CountQueueAgesAsync(IQueryable<CoordinationTask> tasks, CancellationToken cancellationToken)
    {
        var (thresholds, buckets) = QueueAgeBuckets.CreatedOnSteps(Today);
        var bucket = StepFunction.Over<CoordinationTask, DateTime, QueueAgeBucket>(t => t.CreatedAt, [.. thresholds.Select(d => PlanDays.StartUtc(d, PlanZone))], buckets);
        var counts = await tasks.WhereOpen().GroupBy(bucket).Select(g => new { Bucket = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Bucket, g => g.Count, cancellationToken);
        QueueAges = [.. QueueAgeBuckets.YoungestFirst.Select(b => (b, counts.GetValueOrDefault(b)))];
    }

    public sealed record OpenCount(int Open, int Overdue);

    /// <summary>A rule's open tasks, one count per priority (most pressing first).</summary>
    public sealed record OpenByRule(CoordinationTrigger Trigger, IReadOnlyList<OpenCount> ByPriority)
    {
        public OpenCount Total => new(ByPriority.Sum(p => p.Open), ByPriority.Sum(p => p.Overdue));
    }

    public sealed record WeekRow(DateOnly Monday, int Created, int Closed);

    public sealed record SlaCounts(int Met, int CompletedLate, int OpenPastDue, int Pending)
    {
        public int Judged => Met + CompletedLate + OpenPastDue;
    }

    /// <summary>A task's place in the SLA count; a class with settable members, as EF groups by it.</summary>
    public sealed class SlaGroup
    {
        public bool Completed { get; init; }

        public bool OnTime { get; init; }

        public bool PastDue { get; init; }
    }
}
