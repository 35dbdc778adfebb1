using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>
/// The real app on its own SQLite file, without the demo plan: a small fixed world (<see cref="ReportWorld"/>) whose every
/// report number is counted by hand in the tests. The clock stands still at Wednesday 18 March 2026, 13:00 in Los Angeles,
/// and the plan's holidays come from configuration (Presidents' Day, Monday 16 February 2026).
/// </summary>
public class ReportAppFactory : CareAppFactory, IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 20, 0, 0, TimeSpan.Zero);

    public ReportWorld World { get; private set; } = null!;

    protected virtual bool PresidentsDayIsAHoliday => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemo", "False");
        builder.UseSetting("Database:MigrateOnStartup", "True");
        builder.UseSetting("Plan:TimeZone", "America/Los_Angeles");
        if (PresidentsDayIsAHoliday)
        {
            builder.UseSetting("Rules:ServiceLevels:Holidays:0", "2026-02-16");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new StoppedClock(Now)));
    }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        World = await ReportWorld.SeedAsync(scope.ServiceProvider);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The same world for a plan whose configuration names no holidays.</summary>
public sealed class ReportAppFactoryWithoutHolidays : ReportAppFactory
{
    protected override bool PresidentsDayIsAHoliday => false;
}

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportAppFactory>
{
    public const string Name = "Reports on a fixed world";
}
