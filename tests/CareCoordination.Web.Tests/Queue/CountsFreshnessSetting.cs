using CareCoordination.Web.Pages.Queue;
using Microsoft.Extensions.Configuration;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>How long the queue's counts are kept: 30 seconds unless the plan says otherwise; a value that makes no sense stops the app.</summary>
public class CountsFreshnessSetting
{
    private static TimeSpan Read(params (string Key, string Value)[] settings) => QueueCounts.FreshFor(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Counts_are_kept_thirty_seconds_by_default_and_as_the_plan_says_otherwise()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Read());
        Assert.Equal(TimeSpan.Zero, Read((QueueCounts.FreshForKey, "0")));
        Assert.Equal(TimeSpan.FromMinutes(5), Read((QueueCounts.FreshForKey, "300")));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("3601")]
    [InlineData("1.5")]
    [InlineData("half a minute")]
    public void A_value_that_is_not_a_bounded_number_of_seconds_is_refused_with_its_name(string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Read((QueueCounts.FreshForKey, value)));

        Assert.Equal($"Queue:CountsFreshForSeconds must be a whole number of seconds from 0 to 3600, not '{value}'.", failure.Message);
    }

    [Fact]
    public void The_app_does_not_start_with_a_negative_lifetime()
    {
        using var app = new CareAppFactory().WithWebHostBuilder(builder => builder.UseSetting(QueueCounts.FreshForKey, "-5"));

        var failure = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains(QueueCounts.FreshForKey, failure.Message, StringComparison.Ordinal);
    }
}
