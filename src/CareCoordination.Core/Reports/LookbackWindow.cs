namespace CareCoordination.Core.Reports;

/// <summary>"In the last 90 days", "in the last 12 months": the plan days that count, as of a day, both ends included.</summary>
public readonly record struct LookbackWindow(DateOnly First, DateOnly Last)
{
    /// <summary>The last <paramref name="days"/> days ending on <paramref name="asOf"/>: 90 days as of 31 March starts on 1 January.</summary>
    public static LookbackWindow Days(DateOnly asOf, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new LookbackWindow(asOf.AddDays(1 - days), asOf);
    }

    /// <summary>The last <paramref name="months"/> months ending on <paramref name="asOf"/>: 12 months as of 15 March 2026 starts on 16 March 2025.</summary>
    public static LookbackWindow Months(DateOnly asOf, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return new LookbackWindow(asOf.AddMonths(-months).AddDays(1), asOf);
    }
}
