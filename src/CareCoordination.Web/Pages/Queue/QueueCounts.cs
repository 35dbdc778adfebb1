using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Queue;

/// <summary>
/// The numbers beside the queue's filters, read from a snapshot of how many tasks share each combination of filterable
/// facts. Counting six groupings over every task on each page view costs more than the page itself at plan scale, so a
/// snapshot serves views for <c>Queue:CountsFreshForSeconds</c> (0: a new one for every view). A stale snapshot keeps
/// serving while one refresh runs in the background; the page says when its counts were taken. Each node keeps its own.
/// </summary>
public sealed partial class QueueCounts(IServiceScopeFactory scopes, PlanClock clock, ILogger<QueueCounts> logger, TimeSpan freshFor) : IDisposable
{
    private readonly Lock _refreshGate = new();
    private readonly SemaphoreSlim _firstTaking = new(1, 1);
    private Snapshot? _current;
    private Task? _refreshing;

    public const string FreshForKey = "Queue:CountsFreshForSeconds";
    private const int DefaultFreshForSeconds = 30;
    private const int MaxFreshForSeconds = 3600;

    public static QueueCounts From(IServiceProvider services) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<PlanClock>(),
            services.GetRequiredService<ILogger<QueueCounts>>(), FreshFor(services.GetRequiredService<IConfiguration>()));

    /// <summary>How long a snapshot serves: 30 s unless the plan says otherwise, at most an hour.</summary>
    public static TimeSpan FreshFor(IConfiguration configuration) =>
        SecondsSetting.Read(configuration, FreshForKey, DefaultFreshForSeconds, 0, MaxFreshForSeconds);

    public async Task<Snapshot> CurrentAsync(CareDbContext db, CancellationToken cancellationToken)
    {
        if (freshFor == TimeSpan.Zero)
        {
            return await Snapshot.TakeAsync(db, clock, null, TimeSpan.Zero, cancellationToken);
        }

        var current = Volatile.Read(ref _current);
        // Overdue is counted against today, so yesterday's snapshot is no snapshot. Views that find none wait for one
        // taking, not each take their own.
        if (current is null || current.Today != clock.Today)
        {
            await _firstTaking.WaitAsync(cancellationToken);
            try
            {
                current = Volatile.Read(ref _current);
                if (current is null || current.Today != clock.Today)
                {
                    current = await Snapshot.TakeAsync(db, clock, current, ClosedFreshFor, cancellationToken);
                    Volatile.Write(ref _current, current);
                }
            }
            finally
            {
                _firstTaking.Release();
            }

            return current;
        }

        if (clock.UtcNow - current.TakenAt >= freshFor)
        {
            RefreshInBackground();
        }

        return current;
    }

    /// <summary>Closed work (nine tasks in ten) changes only as tasks close, so it is counted again ten times less often.</summary>
    private TimeSpan ClosedFreshFor => freshFor * 10;

    public void Dispose() => _firstTaking.Dispose();

    private void RefreshInBackground()
    {
        lock (_refreshGate)
        {
            if (_refreshing is { IsCompleted: false })
            {
                return;
            }

            _refreshing = Task.Run(async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var taken = await Snapshot.TakeAsync(scope.ServiceProvider.GetRequiredService<CareDbContext>(), clock,
                        Volatile.Read(ref _current), ClosedFreshFor, CancellationToken.None);
                    Volatile.Write(ref _current, taken);
                }
#pragma warning disable CA1031 // A failed refresh must not end the process; the page keeps the older counts and says how old.
                catch (Exception failure)
#pragma warning restore CA1031
                {
                    LogRefreshFailed(logger, failure.GetType().Name);
                }
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue counts could not be refreshed ({Failure}); the older counts stay")]
    private static partial void LogRefreshFailed(ILogger logger, string failure);

    /// <summary>One combination of filterable facts and how many tasks have it. Assignee 0 is nobody.</summary>
    private readonly record struct Facts(CoordinationTaskStatus Status, CoordinationTrigger Trigger, Priority Priority, int PpgId, int Assignee, bool PastDue);

    /// <summary>
    /// Every task's filterable facts, grouped. Open work is read in full on each view. Closed work (nine tasks in ten) is
    /// also kept summed over assignees and split by assignee, because a view of open work needs from it only how many
    /// tasks each closed status would show, under the same rule, priority and PPG.
    /// </summary>
    public sealed class Snapshot
    {
        private readonly (Facts Facts, int Count)[] _open;
        private readonly ClosedWork _closedWork;
        private readonly Dictionary<string, int> _assignees;

        private Snapshot((Facts, int)[] open, ClosedWork closedWork, Dictionary<string, int> assignees, DateOnly today, DateTime takenAt)
        {
            _open = open;
            _closedWork = closedWork;
            _assignees = assignees;
            Today = today;
            TakenAt = takenAt;
        }

        public DateOnly Today { get; }

        /// <summary>When open work was counted; closed work may have been counted up to ten lifetimes earlier.</summary>
        public DateTime TakenAt { get; }

        /// <summary>
        /// Open work counted now; closed work reused from <paramref name="previous"/> while younger than
        /// <paramref name="closedFreshFor"/>, with its assignee numbers, and counted again otherwise.
        /// </summary>
        internal static async Task<Snapshot> TakeAsync(CareDbContext db, PlanClock clock, Snapshot? previous, TimeSpan closedFreshFor,
            CancellationToken cancellationToken)
        {
            var (today, takenAt) = (clock.Today, clock.UtcNow);
            var keepClosed = previous is not null && takenAt - previous._closedWork.TakenAt < closedFreshFor;
            var assignees = keepClosed ? new Dictionary<string, int>(previous!._assignees, StringComparer.Ordinal) : new(StringComparer.Ordinal);
            var open = await GroupAsync(db.CoordinationTasks.WhereOpen(), today, assignees, cancellationToken);
            var closedWork = keepClosed
                ? previous!._closedWork
                : new ClosedWork(await GroupAsync(db.CoordinationTasks.WhereClosed(), today, assignees, cancellationToken), takenAt);
            return new Snapshot([.. open.Select(g => (g.Key, g.Value))], closedWork, assignees, today, takenAt);
        }

        // Rows streamed and grouped here: one pass over the tasks, where a six-column GROUP BY builds a temporary index.
        private static async Task<Dictionary<Facts, int>> GroupAsync(IQueryable<CoordinationTask> tasks, DateOnly today,
            Dictionary<string, int> assignees, CancellationToken cancellationToken)
        {
            var groups = new Dictionary<Facts, int>();
            var rows = tasks.AsNoTracking()
                .Select(t => new { t.Status, t.Trigger, t.Priority, t.Member.PpgId, t.AssigneeUserId, PastDue = t.DueOn < today })
                .AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var assignee = row.AssigneeUserId is null ? 0 : AssigneeNumber(assignees, row.AssigneeUserId);
                // Closed work is never overdue: leaving its due date out halves its groups, and keeps them true tomorrow.
                var facts = new Facts(row.Status, row.Trigger, row.Priority, row.PpgId, assignee, row.PastDue && !CoordinationTask.IsClosedStatus(row.Status));
                groups[facts] = groups.GetValueOrDefault(facts) + 1;
            }

            return groups;
        }

        private static int AssigneeNumber(Dictionary<string, int> assignees, string userId)
        {
            if (!assignees.TryGetValue(userId, out var number))
            {
                number = assignees.Count + 1;
                assignees[userId] = number;
            }

            return number;
        }

        /// <summary>
        /// The counts for one view of the queue: a group that fails no filter counts everywhere; a group that fails exactly
        /// one counts only in that filter's own grouping, whose options say what choosing each would show.
        /// </summary>
        public FilterCounts For(QueueQuery query, string me)
        {
            ArgumentNullException.ThrowIfNull(query);
            var mine = _assignees.GetValueOrDefault(me, -1);
            var counts = new FilterCounts();
            foreach (var (facts, count) in _open)
            {
                counts.AddToGlance(facts.Assignee, mine, facts.PastDue, count);
                Count(query, mine, facts, count, counts);
            }

            if (query.Status is { } status && CoordinationTask.IsClosedStatus(status))
            {
                foreach (var (facts, count) in _closedWork.Groups)
                {
                    Count(query, mine, facts, count, counts);
                }
            }
            else if (!query.Overdue)
            {
                // Closed work already fails the status filter, so it counts only beside its status, and only where the
                // assignment filter lets it: the plan-wide sums for anyone, one assignee's groups otherwise.
                var closed = query.Assigned switch
                {
                    Assignment.Me => _closedWork.ByAssignee.GetValueOrDefault(mine, []),
                    Assignment.Unassigned => _closedWork.ByAssignee.GetValueOrDefault(0, []),
                    _ => _closedWork.PlanWide,
                };
                foreach (var (facts, count) in closed)
                {
                    if (!FailsTrigger(query, facts) && !FailsPriority(query, facts) && !FailsPpg(query, facts))
                    {
                        counts.ByStatus[facts.Status] = counts.ByStatus.GetValueOrDefault(facts.Status) + count;
                    }
                }
            }

            return counts;
        }

        private static void Count(QueueQuery query, int mine, Facts facts, int count, FilterCounts counts)
        {
            var open = !CoordinationTask.IsClosedStatus(facts.Status);
            var failsStatus = query.Status is { } status ? facts.Status != status : !open;
            var failsTrigger = FailsTrigger(query, facts);
            var failsPriority = FailsPriority(query, facts);
            var failsPpg = FailsPpg(query, facts);
            var failsAssignment = query.Assigned switch
            {
                Assignment.Me => facts.Assignee != mine,
                Assignment.Unassigned => facts.Assignee != 0,
                _ => false,
            };
            var overdue = open && facts.PastDue;
            var failsOverdue = query.Overdue && !overdue;
            var failures = (failsStatus ? 1 : 0) + (failsTrigger ? 1 : 0) + (failsPriority ? 1 : 0) + (failsPpg ? 1 : 0)
                + (failsAssignment ? 1 : 0) + (failsOverdue ? 1 : 0);
            if (failures > 1)
            {
                return;
            }

            var all = failures == 0;
            if (all)
            {
                counts.Matching += count;
            }

            if (all || failsStatus)
            {
                counts.ByStatus[facts.Status] = counts.ByStatus.GetValueOrDefault(facts.Status) + count;
            }

            if (all || failsTrigger)
            {
                counts.ByTrigger[facts.Trigger] = counts.ByTrigger.GetValueOrDefault(facts.Trigger) + count;
            }

            if (all || failsPriority)
            {
                counts.ByPriority[facts.Priority] = counts.ByPriority.GetValueOrDefault(facts.Priority) + count;
            }

            if (all || failsPpg)
            {
                counts.ByPpg[facts.PpgId] = counts.ByPpg.GetValueOrDefault(facts.PpgId) + count;
            }

            if (all || failsAssignment)
            {
                counts.AddToAssignment(facts.Assignee, mine, count);
            }

            if ((all || failsOverdue) && overdue)
            {
                counts.Overdue += count;
            }
        }

        private static bool FailsTrigger(QueueQuery query, Facts facts) => query.Trigger is { } trigger && facts.Trigger != trigger;

        private static bool FailsPriority(QueueQuery query, Facts facts) => query.Priority is { } priority && facts.Priority != priority;

        private static bool FailsPpg(QueueQuery query, Facts facts) => query.Ppg is { } ppg && facts.PpgId != ppg;
    }

    /// <summary>Closed work's groups as counted at one instant: in full, summed over assignees, and by assignee.</summary>
    private sealed class ClosedWork(Dictionary<Facts, int> groups, DateTime takenAt)
    {
        public (Facts Facts, int Count)[] Groups { get; } = [.. groups.Select(g => (g.Key, g.Value))];

        public (Facts Facts, int Count)[] PlanWide { get; } =
            [.. groups.GroupBy(g => g.Key with { Assignee = 0 }).Select(g => (g.Key, g.Sum(x => x.Value)))];

        public Dictionary<int, (Facts Facts, int Count)[]> ByAssignee { get; } =
            groups.GroupBy(g => g.Key.Assignee).ToDictionary(g => g.Key, g => g.Select(x => (x.Key, x.Value)).ToArray());

        public DateTime TakenAt { get; } = takenAt;
    }

    /// <summary>What one view of the queue shows beside its filters and in its chips.</summary>
    public sealed class FilterCounts
    {
        private int _open;
        private int _openOverdue;
        private int _openUnassigned;
        private int _openMine;

        public int Matching { get; internal set; }

        public Dictionary<CoordinationTaskStatus, int> ByStatus { get; } = [];

        public Dictionary<CoordinationTrigger, int> ByTrigger { get; } = [];

        public Dictionary<Priority, int> ByPriority { get; } = [];

        public Dictionary<int, int> ByPpg { get; } = [];

        public (int Anyone, int Me, int Unassigned) ByAssignment { get; private set; }

        public int Overdue { get; internal set; }

        /// <summary>The whole open queue, whatever the filters.</summary>
        public IndexModel.Glance Glance => new(_open, _openOverdue, _openUnassigned, _openMine);

        internal void AddToAssignment(int assignee, int mine, int count) => ByAssignment = ByAssignment with
        {
            Anyone = ByAssignment.Anyone + count,
            Me = ByAssignment.Me + (assignee == mine ? count : 0),
            Unassigned = ByAssignment.Unassigned + (assignee == 0 ? count : 0),
        };

        internal void AddToGlance(int assignee, int mine, bool pastDue, int count)
        {
            _open += count;
            _openOverdue += pastDue ? count : 0;
            _openUnassigned += assignee == 0 ? count : 0;
            _openMine += assignee == mine ? count : 0;
        }
    }
}
