using CareCoordination.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>How long a SQLite statement waits for another writer: five seconds unless the plan says otherwise, never unbounded.</summary>
public class BusyTimeoutSetting
{
    private static DatabaseSettings Read(params (string Key, string Value)[] settings) => DatabaseSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
        Path.GetTempPath());

    [Fact]
    public void Sqlite_waits_five_seconds_by_default_and_the_connection_string_carries_the_same_bound()
    {
        var settings = Read(("ConnectionStrings:CareCoordination", "Data Source=busy.db;Default Timeout=30"));

        Assert.Equal(TimeSpan.FromSeconds(5), settings.BusyTimeout);
        Assert.Equal(5, new SqliteConnectionStringBuilder(settings.ConnectionString).DefaultTimeout);
    }

    [Fact]
    public void The_plan_can_set_another_bound()
    {
        var settings = Read(("Database:BusyTimeoutSeconds", "12"));

        Assert.Equal(TimeSpan.FromSeconds(12), settings.BusyTimeout);
        Assert.Equal(12, new SqliteConnectionStringBuilder(settings.ConnectionString).DefaultTimeout);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("61")]
    [InlineData("2.5")]
    [InlineData("forever")]
    public void A_timeout_that_is_not_a_bounded_number_of_seconds_stops_the_app(string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Read(("Database:BusyTimeoutSeconds", value)));

        Assert.Equal($"Database:BusyTimeoutSeconds must be a whole number of seconds from 1 to 60, not '{value}'.", failure.Message);
    }
}
