using CareCoordination.Core.Members;

namespace CareCoordination.Core.Reports;

/// <summary>
/// The age groups of the HEDIS antipsychotic measures, by age on 31 December of the measurement year. APM (metabolic
/// monitoring for children and adolescents on antipsychotics) covers ages 1–17, reported as 1–11 and 12–17; SSD (diabetes
/// screening for people with schizophrenia or bipolar disorder using antipsychotics) covers ages 18–64. Declared oldest
/// first, the order of dates of birth.
/// </summary>
public enum HedisAgeBand
{
    SixtyFiveAndOver,
    Adults18To64,
    Adolescents12To17,
    Children1To11,
    UnderOne,
}

public static class HedisAgeBands
{
    /// <summary>The youngest age in each band, oldest band first.</summary>
    private static readonly (HedisAgeBand Band, int FromAge)[] Bands =
    [
        (HedisAgeBand.SixtyFiveAndOver, 65),
        (HedisAgeBand.Adults18To64, 18),
        (HedisAgeBand.Adolescents12To17, 12),
        (HedisAgeBand.Children1To11, 1),
        (HedisAgeBand.UnderOne, 0),
    ];

    /// <summary>HEDIS counts age on 31 December of the measurement year: the year of the report's "as of" day.</summary>
    public static DateOnly MeasurementYearEnd(DateOnly asOf) => new(asOf.Year, 12, 31);

    public static HedisAgeBand For(DateOnly dateOfBirth, DateOnly measurementYearEnd)
    {
        var age = Member.AgeOn(dateOfBirth, measurementYearEnd);
        return Bands.First(b => age >= b.FromAge).Band;
    }

    /// <summary>
    /// The same bands as steps over dates of birth, for a query that groups by band: a member born before the first
    /// threshold is in the first band, before the second in the second, and so on; born on or after the last, in the last band.
    /// </summary>
    public static (IReadOnlyList<DateOnly> Thresholds, IReadOnlyList<HedisAgeBand> Bands) DateOfBirthSteps(DateOnly measurementYearEnd) =>
        ([.. Bands.Take(Bands.Length - 1).Select(b => measurementYearEnd.AddYears(-b.FromAge).AddDays(1))], [.. Bands.Select(b => b.Band)]);

    public static string Label(this HedisAgeBand band) => band switch
    {
        HedisAgeBand.Children1To11 => "1–11 (HEDIS APM)",
        HedisAgeBand.Adolescents12To17 => "12–17 (HEDIS APM)",
        HedisAgeBand.Adults18To64 => "18–64 (HEDIS SSD)",
        HedisAgeBand.SixtyFiveAndOver => "65 and over (no HEDIS measure)",
        HedisAgeBand.UnderOne => "Under 1 (no HEDIS measure)",
        _ => band.ToString(),
    };
}
