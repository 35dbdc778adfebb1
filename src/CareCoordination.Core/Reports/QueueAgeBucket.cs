namespace CareCoordination.Core.Reports;

/// <summary>How long open tasks have waited, in plan days since they were created. Declared oldest first.</summary>
public enum QueueAgeBucket
{
    Over30Days,
    From15To30Days,
    From8To14Days,
    From4To7Days,
    From2To3Days,
    TodayOrYesterday,
}

public static class QueueAgeBuckets
{
    /// <summary>The fewest days of age in each bucket, oldest bucket first.</summary>
    private static readonly (QueueAgeBucket Bucket, int FromDays)[] Buckets =
    [
        (QueueAgeBucket.Over30Days, 31),
        (QueueAgeBucket.From15To30Days, 15),
        (QueueAgeBucket.From8To14Days, 8),
        (QueueAgeBucket.From4To7Days, 4),
        (QueueAgeBucket.From2To3Days, 2),
        (QueueAgeBucket.TodayOrYesterday, 0),
    ];

    /// <summary>Youngest first, the order a histogram reads from left to right.</summary>
    public static IReadOnlyList<QueueAgeBucket> YoungestFirst { get; } = [.. Buckets.Select(b => b.Bucket).Reverse()];

    /// <summary>
    /// The same buckets as steps over the day a task was created: created before the first threshold is the first
    /// (oldest) bucket, and so on; created on or after the last threshold, the youngest.
    /// </summary>
    public static (IReadOnlyList<DateOnly> Thresholds, IReadOnlyList<QueueAgeBucket> Buckets) CreatedOnSteps(DateOnly today) =>
        ([.. Buckets.Take(Buckets.Length - 1).Select(b => today.AddDays(-b.FromDays + 1))], [.. Buckets.Select(b => b.Bucket)]);

    public static string Label(this QueueAgeBucket bucket) => bucket switch
    {
        QueueAgeBucket.TodayOrYesterday => "0–1 days",
        QueueAgeBucket.From2To3Days => "2–3 days",
        QueueAgeBucket.From4To7Days => "4–7 days",
        QueueAgeBucket.From8To14Days => "8–14 days",
        QueueAgeBucket.From15To30Days => "15–30 days",
        QueueAgeBucket.Over30Days => "Over 30 days",
        _ => bucket.ToString(),
    };
}
