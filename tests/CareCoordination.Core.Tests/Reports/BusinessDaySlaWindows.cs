using CareCoordination.Core.Reports;

namespace CareCoordination.Core.Tests.Reports;

/// <summary>"Within 2 business days" ends with the second business day after the day it happened, in the plan's calendar.</summary>
public class BusinessDaySlaWindows
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly DateOnly[] NoHolidays = [];
    private static readonly DateOnly[] PresidentsDay = [new(2026, 2, 16)];

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-02-09", "2026-02-11")] // Monday → Wednesday
    [InlineData("2026-02-12", "2026-02-16")] // Thursday → Monday
    [InlineData("2026-02-13", "2026-02-17")] // Friday → Tuesday
    [InlineData("2026-02-14", "2026-02-17")] // Saturday → Tuesday: the weekend day itself does not count
    [InlineData("2026-02-15", "2026-02-17")] // Sunday → Tuesday
    public void Weekends_do_not_count(string happened, string lastDay) =>
        Assert.Equal(Day(lastDay), BusinessDayWindow.LastDay(Day(happened), 2, NoHolidays));

    [Theory]
    [InlineData("2026-02-12", "2026-02-17")] // Thursday before a holiday Monday → Tuesday
    [InlineData("2026-02-13", "2026-02-18")] // Friday before it → Wednesday
    [InlineData("2026-02-16", "2026-02-18")] // on the holiday itself → Wednesday
    public void Plan_holidays_do_not_count(string happened, string lastDay) =>
        Assert.Equal(Day(lastDay), BusinessDayWindow.LastDay(Day(happened), 2, PresidentsDay));

    [Fact]
    public void The_window_closes_at_the_plan_midnight_after_its_last_day() =>
        // Friday 13 February → last day Tuesday 17 February; late from Wednesday 00:00 Pacific, 08:00 UTC.
        Assert.Equal(new DateTime(2026, 2, 18, 8, 0, 0, DateTimeKind.Utc), BusinessDayWindow.ClosesAtUtc(Day("2026-02-13"), 2, NoHolidays, Pacific));

    [Theory]
    [InlineData("2026-02-13", "2026-02-18T07:59:00Z", true)] // Friday → Tuesday 23:59 Pacific: on time
    [InlineData("2026-02-13", "2026-02-18T08:00:00Z", false)] // Wednesday 00:00 Pacific: late
    [InlineData("2026-02-14", "2026-02-18T07:59:00Z", true)] // Saturday: the window also ends Tuesday
    public void A_follow_up_is_on_time_until_the_window_closes(string happenedOn, string followedUp, bool onTime) =>
        Assert.Equal(onTime, Instant(followedUp) < BusinessDayWindow.ClosesAtUtc(Day(happenedOn), 2, NoHolidays, Pacific));

    [Fact]
    public void A_holiday_lengthens_the_window_in_utc_too() =>
        Assert.Equal(new DateTime(2026, 2, 19, 8, 0, 0, DateTimeKind.Utc), BusinessDayWindow.ClosesAtUtc(Day("2026-02-13"), 2, PresidentsDay, Pacific));

    [Fact]
    public void Across_the_change_to_daylight_time_the_window_closes_at_local_midnight() =>
        // Thursday 5 March → Monday 9 March, after clocks sprang forward: late from Tuesday 00:00 PDT, 07:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 10, 7, 0, 0, DateTimeKind.Utc), BusinessDayWindow.ClosesAtUtc(Day("2026-03-05"), 2, NoHolidays, Pacific));

    private static DateTime Instant(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
