using CareCoordination.Core.Coordination;

namespace CareCoordination.Web.Data;

/// <summary>
/// Closed work (completed, cancelled) written once, in the form its partial indexes declare it, as <see cref="OpenTasks"/>
/// is for open work. Indexes over every status would mislead SQLite's planner about open work: their statistics average
/// over 450,000 closed tasks spread across years, so it read an open page through them and sorted 50,000 rows.
/// </summary>
public static class ClosedTasks
{
    public const string IndexFilter = "[Status] IN ('Completed', 'Cancelled')";

    public static IQueryable<CoordinationTask> WhereClosed(this IQueryable<CoordinationTask> tasks) =>
        tasks.Where(t => t.Status == CoordinationTaskStatus.Completed || t.Status == CoordinationTaskStatus.Cancelled);
}
