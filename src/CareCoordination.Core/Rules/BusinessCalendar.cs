namespace CareCoordination.Core.Rules;

public static class BusinessCalendar
{
    /// <summary>
    /// The day <paramref name="businessDays"/> business days after <paramref name="from"/>, skipping weekends and
    /// holidays. Zero means the same day, whatever day it is: urgent work does not wait for Monday.
    /// </summary>
    public static DateOnly AddBusinessDays(DateOnly from, int businessDays, IReadOnlyList<DateOnly> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        ArgumentNullException.ThrowIfNull(holidays);
        var day = from;
        while (businessDays > 0)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day, holidays))
            {
                businessDays--;
            }
        }

        return day;
    }

    public static bool IsBusinessDay(DateOnly day, IReadOnlyList<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
    }
}
