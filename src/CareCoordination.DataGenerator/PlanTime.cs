namespace CareCoordination.DataGenerator;

/// <summary>
/// The plan's calendar: history ends at the start of the as-of day in the plan's time zone (the app's default,
/// America/Los_Angeles), and clinical work happens on plan days during office hours.
/// </summary>
internal sealed class PlanTime
{
    public const string ZoneId = "America/Los_Angeles";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public PlanTime(DateOnly asOf)
    {
        AsOf = asOf;
        End = At(asOf, TimeOnly.MinValue);
    }

    /// <summary>The last day of history is the day before; nothing is dated on or after this day.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first instant of the as-of day (UTC): every generated timestamp is before it.</summary>
    public DateTime End { get; }

    /// <summary>An instant on a plan day at a plan-local time of day, in UTC.</summary>
    public DateTime At(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), _zone);

    /// <summary>A moment of office hours (07:00 to 19:00) on a plan day, to the millisecond.</summary>
    public DateTime DuringOfficeHours(DateOnly day, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var millisecond = (7 * 3_600_000) + random.Next(12 * 3_600_000);
        return At(day, TimeOnly.FromTimeSpan(TimeSpan.FromMilliseconds(millisecond)));
    }

    /// <summary>The plan day an instant falls on.</summary>
    public DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, _zone));

    /// <summary>An instant a while after another, kept before the end of history (halfway there when it would not be).</summary>
    public DateTime Later(DateTime from, TimeSpan after) => from + after < End ? from + after : from + ((End - from) / 2);
}
