using CareCoordination.Core.Reports;

namespace CareCoordination.Core.Tests.Reports;

/// <summary>Open tasks by how many plan days they have waited.</summary>
public class QueueAgeHistogramBuckets
{
    private static readonly DateOnly Today = new(2026, 3, 18);

    [Theory]
    [InlineData(0, QueueAgeBucket.TodayOrYesterday)]
    [InlineData(1, QueueAgeBucket.TodayOrYesterday)]
    [InlineData(2, QueueAgeBucket.From2To3Days)]
    [InlineData(3, QueueAgeBucket.From2To3Days)]
    [InlineData(4, QueueAgeBucket.From4To7Days)]
    [InlineData(7, QueueAgeBucket.From4To7Days)]
    [InlineData(8, QueueAgeBucket.From8To14Days)]
    [InlineData(14, QueueAgeBucket.From8To14Days)]
    [InlineData(15, QueueAgeBucket.From15To30Days)]
    [InlineData(30, QueueAgeBucket.From15To30Days)]
    [InlineData(31, QueueAgeBucket.Over30Days)]
    [InlineData(400, QueueAgeBucket.Over30Days)]
    public void Age_in_plan_days_picks_the_bucket(int daysAgo, QueueAgeBucket expected)
    {
        var (thresholds, buckets) = QueueAgeBuckets.CreatedOnSteps(Today);
        var createdOn = Today.AddDays(-daysAgo);

        Assert.Equal(expected, buckets[thresholds.Count(t => createdOn >= t)]);
    }

    [Fact]
    public void The_thresholds_rise_and_every_bucket_has_one_step()
    {
        var (thresholds, buckets) = QueueAgeBuckets.CreatedOnSteps(Today);

        Assert.Equal(thresholds.Order(), thresholds);
        Assert.Equal(buckets.Count - 1, thresholds.Count);
        Assert.Equal(Enum.GetValues<QueueAgeBucket>(), buckets);
    }

    [Fact]
    public void The_histogram_reads_youngest_first_with_every_bucket_once()
    {
        Assert.Equal(QueueAgeBucket.TodayOrYesterday, QueueAgeBuckets.YoungestFirst[0]);
        Assert.Equal(QueueAgeBucket.Over30Days, QueueAgeBuckets.YoungestFirst[^1]);
        Assert.Equal(Enum.GetValues<QueueAgeBucket>().Order(), QueueAgeBuckets.YoungestFirst.Order());
        Assert.Equal(["0–1 days", "2–3 days", "4–7 days", "8–14 days", "15–30 days", "Over 30 days"], QueueAgeBuckets.YoungestFirst.Select(b => b.Label()));
    }
}
