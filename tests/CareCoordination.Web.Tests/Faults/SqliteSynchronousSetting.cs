using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>The app as a plan would run it when it trades power-loss durability of the last commits for throughput.</summary>
public sealed class FlushAtCheckpointsAppFactory : CareAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SqliteSynchronous", "Normal");
    }
}

/// <summary>When SQLite flushes its log to disk (decision 0008): on every commit by default, at checkpoints when the plan says so.</summary>
public class SqliteSynchronousSetting(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    // SQLite's numbers for the setting.
    private const int Normal = 1;
    private const int Full = 2;

    private static Task<int> SynchronousOf(CareAppFactory factory) =>
        factory.WithDatabase(db => db.Database.SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());

    [Fact]
    public async Task The_apps_connections_flush_every_commit_by_default()
    {
        Assert.Equal(Full, await SynchronousOf(app));
    }

    [Fact]
    public async Task A_plan_can_have_commits_flushed_at_checkpoints()
    {
        await using var checkpoints = new FlushAtCheckpointsAppFactory();

        Assert.Equal(Normal, await SynchronousOf(checkpoints));
    }

    [Theory]
    [InlineData("Off")]
    [InlineData("Extra")]
    [InlineData("sometimes")]
    public void Any_other_value_stops_the_app(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Database:SqliteSynchronous", (string?)value)]).Build();

        var failure = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(configuration, Path.GetTempPath()));

        Assert.Equal($"Database:SqliteSynchronous must be Normal or Full, not '{value}'.", failure.Message);
    }
}
