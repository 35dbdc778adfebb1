using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Reports;

/// <summary>
/// "Within N business days": something that happened on a plan day must be followed up by the end of the N-th business
/// day after it (weekends and the plan's holidays do not count), as the due dates of the rules are counted.
/// </summary>
public static class BusinessDayWindow
{
    /// <summary>The last plan day on which the follow-up is still on time.</summary>
    public static DateOnly LastDay(DateOnly happenedOn, int businessDays, IReadOnlyList<DateOnly> holidays) =>
        BusinessCalendar.AddBusinessDays(happenedOn, businessDays, holidays);

    /// <summary>The first instant (UTC) at which the follow-up is late: the start of the plan day after <see cref="LastDay"/>.</summary>
    public static DateTime ClosesAtUtc(DateOnly happenedOn, int businessDays, IReadOnlyList<DateOnly> holidays, TimeZoneInfo planZone) =>
        PlanDays.StartUtc(LastDay(happenedOn, businessDays, holidays).AddDays(1), planZone);

}
