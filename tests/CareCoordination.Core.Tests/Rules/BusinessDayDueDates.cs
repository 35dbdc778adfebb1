using System.Globalization;
using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>Due dates count business days: weekends and the plan's holidays are skipped; zero days is the same day.</summary>
public class BusinessDayDueDates
{
    private static readonly DateOnly[] NoHolidays = [];
    private static readonly DateOnly[] ThanksgivingAndChristmas = [new(2026, 11, 26), new(2026, 12, 25)];

    [Theory]
    [InlineData("2026-11-27", 0, "2026-11-27")] // Friday, urgent: same day
    [InlineData("2026-11-28", 0, "2026-11-28")] // Saturday, urgent: still the same day
    [InlineData("2026-11-27", 1, "2026-11-30")] // Friday + 1 → Monday
    [InlineData("2026-11-27", 2, "2026-12-01")] // Friday + 2 (high) → Tuesday
    [InlineData("2026-11-27", 5, "2026-12-04")] // Friday + 5 (routine) → next Friday
    [InlineData("2026-11-28", 1, "2026-11-30")] // Saturday + 1 → Monday
    [InlineData("2026-11-29", 2, "2026-12-01")] // Sunday + 2 → Tuesday
    [InlineData("2026-11-30", 2, "2026-12-02")] // Monday + 2 → Wednesday
    [InlineData("2026-11-30", 5, "2026-12-07")] // Monday + 5 → next Monday
    [InlineData("2026-11-30", 10, "2026-12-14")] // two whole weeks
    public void Weekends_are_skipped(string from, int businessDays, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.AddBusinessDays(Day(from), businessDays, NoHolidays));

    [Theory]
    [InlineData("2026-11-25", 1, "2026-11-27")] // Wednesday + 1 over Thanksgiving → Friday
    [InlineData("2026-11-25", 2, "2026-11-30")] // Wednesday + 2 over Thanksgiving and the weekend → Monday
    [InlineData("2026-12-23", 2, "2026-12-28")] // Wednesday + 2: Thursday, then Christmas and the weekend → Monday
    [InlineData("2026-12-24", 2, "2026-12-29")] // Christmas Eve (Thursday) + 2 → Tuesday
    [InlineData("2026-12-25", 0, "2026-12-25")] // urgent on a holiday is still that day
    [InlineData("2026-12-18", 5, "2026-12-28")] // a week that holds a holiday is one day longer
    public void Plan_holidays_are_skipped(string from, int businessDays, string expected) =>
        Assert.Equal(Day(expected), BusinessCalendar.AddBusinessDays(Day(from), businessDays, ThanksgivingAndChristmas));

    [Fact]
    public void A_holiday_on_a_weekend_does_not_cost_an_extra_day()
    {
        DateOnly[] saturdayHoliday = [new(2026, 11, 28)];
        Assert.Equal(new DateOnly(2026, 12, 1), BusinessCalendar.AddBusinessDays(new DateOnly(2026, 11, 27), 2, saturdayHoliday));
    }

    [Theory]
    [InlineData("2026-11-27", true)] // Friday
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-11-29", false)] // Sunday
    [InlineData("2026-11-30", true)] // Monday
    [InlineData("2026-11-26", false)] // Thanksgiving
    [InlineData("2026-12-25", false)] // Christmas
    [InlineData("2026-12-24", true)] // Christmas Eve is a working day unless the plan says otherwise
    public void Business_days_are_weekdays_that_are_not_holidays(string day, bool expected) =>
        Assert.Equal(expected, BusinessCalendar.IsBusinessDay(Day(day), ThanksgivingAndChristmas));

    [Fact]
    public void A_negative_number_of_days_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AddBusinessDays(new DateOnly(2026, 11, 27), -1, NoHolidays));

    [Fact]
    public void Holidays_must_be_given()
    {
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.AddBusinessDays(new DateOnly(2026, 11, 27), 1, null!));
        Assert.Throws<ArgumentNullException>(() => BusinessCalendar.IsBusinessDay(new DateOnly(2026, 11, 27), null!));
    }

    private static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
