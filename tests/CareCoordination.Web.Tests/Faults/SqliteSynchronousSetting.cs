using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>The app as a plan would run it when it wants every commit on disk before the person is told it is saved.</summary>
public sealed class FlushEveryCommitAppFactory : CareAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SqliteSynchronous", "Full");
    }
}

/// <summary>When SQLite flushes its log to disk (decision 0008): at checkpoints by default, on every commit when the plan says so.</summary>
public class SqliteSynchronousSetting(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    // SQLite's numbers for the setting.
    private const int Normal = 1;
    private const int Full = 2;

    private static Task<int> SynchronousOf(CareAppFactory factory) =>
        factory.WithDatabase(db => db.Database.SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());

    [Fact]
    public async Task The_apps_connections_flush_at_checkpoints_by_default()
    {
        Assert.Equal(Normal, await SynchronousOf(app));
    }

    [Fact]
    public async Task A_plan_can_have_every_commit_flushed()
    {
        await using var flushing = new FlushEveryCommitAppFactory();

        Assert.Equal(Full, await SynchronousOf(flushing));
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
