using System.Globalization;

namespace CareCoordination.Web.Reports;

/// <summary>How report numbers read: shares as whole percents, durations in hours or days, and "—" where there is nothing to measure.</summary>
public static class ReportFormat
{
    public const string Nothing = "—";

    public static string Percent(int part, int whole) =>
        whole == 0 ? Nothing : ((double)part / whole).ToString("0%", CultureInfo.CurrentCulture);

    /// <summary>Under two days in hours ("5.5 h"), from two days on in days ("3.2 d").</summary>
    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => Nothing,
        { TotalHours: < 48 } brief => brief.TotalHours.ToString("0.0 'h'", CultureInfo.CurrentCulture),
        { } longer => longer.TotalDays.ToString("0.0 'd'", CultureInfo.CurrentCulture),
    };

    public static string IsoDate(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
