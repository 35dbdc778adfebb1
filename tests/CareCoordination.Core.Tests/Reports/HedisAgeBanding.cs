using CareCoordination.Core.Reports;

namespace CareCoordination.Core.Tests.Reports;

/// <summary>HEDIS APM (1–17, as 1–11 and 12–17) and SSD (18–64) count age on 31 December of the measurement year.</summary>
public class HedisAgeBanding
{
    private static readonly DateOnly YearEnd2026 = new(2026, 12, 31);

    [Theory]
    [InlineData("2026-06-01", HedisAgeBand.UnderOne)]
    [InlineData("2026-01-01", HedisAgeBand.UnderOne)] // 0 on 31 December
    [InlineData("2025-12-31", HedisAgeBand.Children1To11)] // turns 1 on the last day of the year: counted as 1
    [InlineData("2015-01-01", HedisAgeBand.Children1To11)] // 11
    [InlineData("2014-12-31", HedisAgeBand.Adolescents12To17)] // 12 on 31 December
    [InlineData("2009-01-01", HedisAgeBand.Adolescents12To17)] // 17
    [InlineData("2008-12-31", HedisAgeBand.Adults18To64)] // 18 on 31 December, though 17 for most of the year
    [InlineData("1962-01-01", HedisAgeBand.Adults18To64)] // 64
    [InlineData("1961-12-31", HedisAgeBand.SixtyFiveAndOver)] // 65 on 31 December
    [InlineData("1930-05-05", HedisAgeBand.SixtyFiveAndOver)]
    [InlineData("2008-02-29", HedisAgeBand.Adults18To64)] // a leap-day birthday
    public void Age_on_31_December_decides_the_band(string dateOfBirth, HedisAgeBand expected) =>
        Assert.Equal(expected, HedisAgeBands.For(DateOnly.Parse(dateOfBirth, System.Globalization.CultureInfo.InvariantCulture), YearEnd2026));

    [Fact]
    public void The_measurement_year_is_the_calendar_year_of_the_as_of_day()
    {
        Assert.Equal(YearEnd2026, HedisAgeBands.MeasurementYearEnd(new DateOnly(2026, 1, 1)));
        Assert.Equal(YearEnd2026, HedisAgeBands.MeasurementYearEnd(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void The_date_of_birth_steps_give_the_same_band_as_the_age_for_every_day_of_seventy_years()
    {
        var (thresholds, bands) = HedisAgeBands.DateOfBirthSteps(YearEnd2026);
        Assert.Equal(bands.Count - 1, thresholds.Count);
        Assert.Equal(thresholds.Order(), thresholds);
        for (var born = new DateOnly(1955, 1, 1); born <= YearEnd2026; born = born.AddDays(1))
        {
            var step = thresholds.Count(t => born >= t);
            Assert.Equal(HedisAgeBands.For(born, YearEnd2026), bands[step]);
        }
    }

    [Fact]
    public void Every_band_has_a_label_naming_its_measure()
    {
        Assert.All(Enum.GetValues<HedisAgeBand>(), band => Assert.NotEqual(band.ToString(), band.Label()));
        Assert.Contains("APM", HedisAgeBand.Children1To11.Label(), StringComparison.Ordinal);
        Assert.Contains("SSD", HedisAgeBand.Adults18To64.Label(), StringComparison.Ordinal);
    }
}
