namespace CareCoordination.Core.Reports;

/// <summary>
/// Where the plan's days begin and end in UTC. Reports count by the plan's calendar days while timestamps are stored in
/// UTC; turning each day's first instant into UTC lets a query compare stored instants with fixed values instead of
/// converting every row's time zone.
/// </summary>
public static class PlanDays
{
    /// <summary>
    /// The first instant of <paramref name="day"/> in the plan's time zone, in UTC. Where a daylight-saving change skips
    /// local midnight, the day begins at the first local time that exists.
    /// </summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo planZone)
    {
        ArgumentNullException.ThrowIfNull(planZone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (planZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, planZone);
    }

    /// <summary>The plan's calendar day that a UTC instant falls on.</summary>
    public static DateOnly DayOf(DateTime utc, TimeZoneInfo planZone)
    {
        ArgumentNullException.ThrowIfNull(planZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), planZone));
    }

}
