namespace CareCoordination.Core.Reports;

/// <summary>Weeks for the weekly charts: Monday to Sunday, in plan days.</summary>
public static class ReportWeeks
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The Monday of every week that holds a day of the range, first to last.</summary>
    public static IReadOnlyList<DateOnly> Covering(DateOnly from, DateOnly to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var first = StartOf(from);
        return [.. Enumerable.Range(0, ((StartOf(to).DayNumber - first.DayNumber) / 7) + 1).Select(week => first.AddDays(7 * week))];
    }
}
