using CareCoordination.Core.Coordination;

namespace CareCoordination.Web.Data;

/// <summary>
/// Open work (open, in progress, waiting on a provider) written once, in the form the queue's partial indexes declare it:
/// SQLite uses a partial index only when the query repeats the index's WHERE term, so both are the same IN list.
/// </summary>
public static class OpenTasks
{
    public const string IndexFilter = "[Status] IN ('Open', 'InProgress', 'WaitingOnProvider')";

    public static IQueryable<CoordinationTask> WhereOpen(this IQueryable<CoordinationTask> tasks) =>
        tasks.Where(t => t.Status == CoordinationTaskStatus.Open || t.Status == CoordinationTaskStatus.InProgress
            || t.Status == CoordinationTaskStatus.WaitingOnProvider);
}
