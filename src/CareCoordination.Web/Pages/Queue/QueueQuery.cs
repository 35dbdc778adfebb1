using System.Globalization;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Http.Extensions;

namespace CareCoordination.Web.Pages.Queue;

public enum Assignment
{
    Anyone,
    Me,
    Unassigned,
}

public enum QueueSort
{
    Due,
    Priority,
}

/// <summary>
/// The queue's filters, sort and page key, as they travel in the query string. Every value is an id, an enum name or a
/// due date: nothing here identifies a member, so the URL may be bookmarked, shared and logged.
/// </summary>
public sealed class QueueQuery
{
    public CoordinationTrigger? Trigger { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>Empty means open work: open, in progress and waiting on a provider.</summary>
    public CoordinationTaskStatus? Status { get; set; }

    public int? Ppg { get; set; }

    public Assignment Assigned { get; set; }

    public bool Overdue { get; set; }

    public QueueSort Sort { get; set; }

    public DateOnly? AfterDue { get; set; }

    public Priority? AfterPriority { get; set; }

    public int? AfterId { get; set; }

    /// <summary>The last row of the previous page; a partial key is no key, so the first page shows.</summary>
    public (DateOnly DueOn, Priority Priority, int Id)? After =>
        AfterDue is { } due && AfterPriority is { } priority && AfterId is { } id ? (due, priority, id) : null;

    public IQueryable<CoordinationTask> Filter(IQueryable<CoordinationTask> tasks, string me, DateOnly today)
    {
        // A status is chosen within open or closed work, so the query names the partial indexes' set.
        tasks = Status switch
        {
            null => tasks.WhereOpen(),
            { } status when CoordinationTask.IsClosedStatus(status) => tasks.WhereClosed().Where(t => t.Status == status),
            { } status => tasks.WhereOpen().Where(t => t.Status == status),
        };

        if (Trigger is { } trigger)
        {
            tasks = tasks.Where(t => t.Trigger == trigger);
        }

        if (Priority is { } priority)
        {
            tasks = tasks.Where(t => t.Priority == priority);
        }

        if (Ppg is { } ppg)
        {
            tasks = tasks.Where(t => t.Member.PpgId == ppg);
        }

        tasks = Assigned switch
        {
            Assignment.Me => tasks.Where(t => t.AssigneeUserId == me),
            Assignment.Unassigned => tasks.Where(t => t.AssigneeUserId == null),
            _ => tasks,
        };

        if (Overdue)
        {
            tasks = tasks.Where(t => t.DueOn < today && t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled);
        }

        return tasks;
    }

    /// <summary>
    /// The first rows after the page key in a unique order, (due, priority, id) or (priority, due, id): a page boundary
    /// that stays put when tasks are added, where an offset would repeat or skip rows.
    /// </summary>
    /// <remarks>
    /// "After the key" written as one condition, "a > A or (a = A and ...)", lets SQLite seek to A and walk on through
    /// the rows that tie on it. Due dates are many, so a day's ties are few. Priorities are three, so in priority order
    /// the walk went through every earlier row of the key's priority (10,000 on page 200, each read from the table);
    /// there the rows after the key are three ranges that each start at one seek: the rest of the key's priority and due
    /// date, the rest of its priority, and the later priorities.
    /// </remarks>
    public IQueryable<CoordinationTask> PageAfterKey(IQueryable<CoordinationTask> tasks, int count)
    {
        var afterKey = After switch
        {
            null => tasks,
            (var due, var priority, var id) when Sort == QueueSort.Due =>
                tasks.Where(t => t.DueOn > due || (t.DueOn == due && (t.Priority > priority || (t.Priority == priority && t.Id > id)))),
            (var due, var priority, var id) =>
                InOrder(tasks.Where(t => t.Priority == priority && t.DueOn == due && t.Id > id)).Take(count)
                    .Concat(InOrder(tasks.Where(t => t.Priority == priority && t.DueOn > due)).Take(count))
                    .Concat(InOrder(tasks.Where(t => t.Priority > priority)).Take(count)),
        };
        return InOrder(afterKey).Take(count);
    }

    private IOrderedQueryable<CoordinationTask> InOrder(IQueryable<CoordinationTask> tasks) => Sort == QueueSort.Priority
        ? tasks.OrderBy(t => t.Priority).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
        : tasks.OrderBy(t => t.DueOn).ThenBy(t => t.Priority).ThenBy(t => t.Id);

    /// <summary>This query with the filters changed and the page key dropped: a change of filter starts at the first page.</summary>
    public QueueQuery With(Action<QueueQuery> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var copy = new QueueQuery { Trigger = Trigger, Priority = Priority, Status = Status, Ppg = Ppg, Assigned = Assigned, Overdue = Overdue, Sort = Sort };
        change(copy);
        return copy;
    }

    /// <summary>The page that follows a row: the same filters and sort, keyed on that row.</summary>
    public QueueQuery NextAfter(DateOnly dueOn, Priority priority, int id) => With(q => (q.AfterDue, q.AfterPriority, q.AfterId) = (dueOn, priority, id));

    public string ToUrl()
    {
        var query = new QueryBuilder();
        Add(query, "trigger", Trigger?.ToString());
        Add(query, "priority", Priority?.ToString());
        Add(query, "status", Status?.ToString());
        Add(query, "ppg", Ppg?.ToString(CultureInfo.InvariantCulture));
        Add(query, "assigned", Assigned == Assignment.Anyone ? null : Assigned.ToString());
        Add(query, "overdue", Overdue ? "true" : null);
        Add(query, "sort", Sort == QueueSort.Due ? null : Sort.ToString());
        Add(query, "afterDue", AfterDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "afterPriority", AfterPriority?.ToString());
        Add(query, "afterId", AfterId?.ToString(CultureInfo.InvariantCulture));
        return "/Queue" + query.ToQueryString();
    }

    private static void Add(QueryBuilder query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(name, value);
        }
    }
}
