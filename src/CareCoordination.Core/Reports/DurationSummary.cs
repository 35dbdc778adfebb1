namespace CareCoordination.Core.Reports;

/// <summary>How many durations, and their median and 90th percentile; both null when there are none.</summary>
public sealed record DurationSummary(int Count, TimeSpan? Median, TimeSpan? Percentile90)
{
    public static DurationSummary Empty { get; } = new(0, null, null);

    public static DurationSummary Of(IEnumerable<TimeSpan> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var ascending = durations.Order().ToArray();
        return new DurationSummary(ascending.Length, Percentile(ascending, 0.5), Percentile(ascending, 0.9));
    }

    /// <summary>
    /// The percentile by linear interpolation between the two closest ranks (Excel's PERCENTILE.INC, R's type 7): the
    /// median of an even count is the mean of the middle two, and the 90th percentile of ten values lies between the ninth
    /// and the tenth.
    /// </summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> ascending, double fraction)
    {
        ArgumentNullException.ThrowIfNull(ascending);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1d);
        if (ascending.Count == 0)
        {
            return null;
        }

        var rank = fraction * (ascending.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        var ticks = ascending[lower].Ticks + ((ascending[upper].Ticks - ascending[lower].Ticks) * (rank - lower));
        return TimeSpan.FromTicks((long)Math.Round(ticks, MidpointRounding.AwayFromZero));
    }
}
