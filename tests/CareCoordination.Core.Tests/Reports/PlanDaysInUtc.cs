using CareCoordination.Core.Reports;

namespace CareCoordination.Core.Tests.Reports;

/// <summary>Plan days begin at local midnight; in UTC that moves with daylight saving time.</summary>
public class PlanDaysInUtc
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2026, 1, 15, 8)] // standard time, UTC-8
    [InlineData(2026, 7, 15, 7)] // daylight time, UTC-7
    [InlineData(2026, 3, 8, 8)] // the day clocks spring forward begins before the change
    [InlineData(2026, 3, 9, 7)] // and the next day begins an hour earlier in UTC
    [InlineData(2026, 11, 1, 7)] // the day clocks fall back begins in daylight time
    [InlineData(2026, 11, 2, 8)]
    public void A_plan_day_starts_at_local_midnight(int year, int month, int day, int utcHour) =>
        Assert.Equal(Utc(year, month, day, utcHour), PlanDays.StartUtc(new DateOnly(year, month, day), Pacific));

    [Fact]
    public void Where_midnight_does_not_exist_the_day_starts_at_the_first_local_time_that_does()
    {
        // Havana springs forward at midnight: 2026-03-08 00:00 local never happens; the day starts at 01:00 CDT (05:00 UTC).
        var havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var start = PlanDays.StartUtc(new DateOnly(2026, 3, 8), havana);
        Assert.Equal(new DateOnly(2026, 3, 8), PlanDays.DayOf(start, havana));
        Assert.Equal(new DateOnly(2026, 3, 7), PlanDays.DayOf(start.AddMinutes(-1), havana));
    }

    [Theory]
    [InlineData(2026, 3, 14, 6, 59, 2026, 3, 13)] // 23:59 Friday in Los Angeles is already Saturday in UTC
    [InlineData(2026, 3, 14, 7, 0, 2026, 3, 14)]
    [InlineData(2026, 1, 1, 7, 59, 2025, 12, 31)]
    public void An_instant_falls_on_the_plan_day_of_its_local_time(int year, int month, int day, int hour, int minute, int localYear, int localMonth, int localDay) =>
        Assert.Equal(new DateOnly(localYear, localMonth, localDay), PlanDays.DayOf(Utc(year, month, day, hour, minute), Pacific));
}
