using CareCoordination.Core.Reports;

namespace CareCoordination.Core.Tests.Reports;

/// <summary>Median and 90th percentile by linear interpolation between the closest ranks (PERCENTILE.INC).</summary>
public class MediansAndPercentiles
{
    private static TimeSpan[] Hours(params int[] hours) => [.. hours.Select(h => TimeSpan.FromHours(h))];

    [Fact]
    public void No_durations_have_no_median() =>
        Assert.Equal(new DurationSummary(0, null, null), DurationSummary.Of([]));

    [Fact]
    public void One_duration_is_its_own_median_and_90th_percentile() =>
        Assert.Equal(new DurationSummary(1, TimeSpan.FromHours(5), TimeSpan.FromHours(5)), DurationSummary.Of(Hours(5)));

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_whatever_the_order() =>
        Assert.Equal(TimeSpan.FromHours(3), DurationSummary.Of(Hours(9, 1, 3)).Median);

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(TimeSpan.FromHours(2.5), DurationSummary.Of(Hours(4, 1, 2, 3)).Median);

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 9.1)] // rank 8.1: between the ninth and the tenth
    [InlineData(new[] { 10, 20 }, 19)] // rank 0.9
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 100 }, 10)] // one slow case in ten moves the 90th percentile a little
    [InlineData(new[] { 7, 7, 7 }, 7)]
    public void The_90th_percentile_interpolates_between_ranks(int[] hours, double expectedHours) =>
        Assert.Equal(TimeSpan.FromHours(expectedHours), DurationSummary.Of(Hours(hours)).Percentile90);

    [Fact]
    public void The_count_is_every_duration_given() =>
        Assert.Equal(4, DurationSummary.Of(Hours(1, 1, 2, 2)).Count);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 9)]
    [InlineData(0.25, 3)]
    public void The_ends_and_a_quartile(double fraction, double expectedHours) =>
        Assert.Equal(TimeSpan.FromHours(expectedHours), DurationSummary.Percentile(Hours(1, 3, 5, 7, 9), fraction));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationSummary.Percentile(Hours(1), fraction));

    [Fact]
    public void Sub_second_durations_keep_their_ticks() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1.5), DurationSummary.Of([TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)]).Median);
}
