using CareCoordination.Core.Reports;

namespace CareCoordination.Core.Tests.Reports;

/// <summary>Report weeks run Monday to Sunday; "the last 90 days" and "the last 12 months" include the as-of day.</summary>
public class WeeksAndLookbacks
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-16", "2026-03-16")] // Monday
    [InlineData("2026-03-18", "2026-03-16")] // Wednesday
    [InlineData("2026-03-21", "2026-03-16")] // Saturday
    [InlineData("2026-03-22", "2026-03-16")] // Sunday ends the week
    [InlineData("2026-01-01", "2025-12-29")] // a week across the new year
    public void A_week_starts_on_its_monday(string day, string monday) =>
        Assert.Equal(Day(monday), ReportWeeks.StartOf(Day(day)));

    [Fact]
    public void The_weeks_covering_a_range_include_its_partial_first_and_last_weeks() =>
        Assert.Equal([Day("2026-03-02"), Day("2026-03-09"), Day("2026-03-16")], ReportWeeks.Covering(Day("2026-03-08"), Day("2026-03-16")));

    [Fact]
    public void A_single_day_is_one_week() =>
        Assert.Equal([Day("2026-03-16")], ReportWeeks.Covering(Day("2026-03-18"), Day("2026-03-18")));

    [Fact]
    public void A_range_that_ends_before_it_starts_has_no_weeks() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportWeeks.Covering(Day("2026-03-18"), Day("2026-03-17")));

    [Fact]
    public void Ninety_days_include_the_as_of_day() =>
        Assert.Equal(new LookbackWindow(Day("2026-01-01"), Day("2026-03-31")), LookbackWindow.Days(Day("2026-03-31"), 90));

    [Theory]
    [InlineData("2026-03-15", "2025-03-16")]
    [InlineData("2026-02-28", "2025-03-01")] // from the end of February, the year before
    [InlineData("2024-02-29", "2023-03-01")] // a leap day
    public void Twelve_months_start_the_day_after_the_same_day_a_year_earlier(string asOf, string first) =>
        Assert.Equal(new LookbackWindow(Day(first), Day(asOf)), LookbackWindow.Months(Day(asOf), 12));

    [Fact]
    public void An_empty_lookback_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LookbackWindow.Days(Day("2026-03-31"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LookbackWindow.Months(Day("2026-03-31"), 0));
    }
}
