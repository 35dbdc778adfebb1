using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// Brings the database up to date before the app serves requests, when asked to: <c>--migrate</c> (or
/// <c>Database:MigrateOnStartup</c>) applies migrations; <c>--seed-demo</c> (or <c>Database:SeedDemo</c>) also seeds
/// the demo plan into an empty database. Development turns both on.
/// </summary>
public static class DatabaseStartup
{
    private const string MigrateFlag = "--migrate";
    private const string SeedDemoFlag = "--seed-demo";

    /// <summary>
    /// Splits this app's own flags from the arguments meant for the host. They must not reach the host's
    /// command-line configuration, which would read the next argument as the flag's value.
    /// </summary>
    public static (string[] HostArgs, string[] StartupFlags) SplitArguments(string[] args) =>
        (args.Where(a => a is not (MigrateFlag or SeedDemoFlag)).ToArray(), args.Where(a => a is MigrateFlag or SeedDemoFlag).ToArray());

    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] startupFlags)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seedDemo = startupFlags.Contains(SeedDemoFlag) || app.Configuration.GetValue<bool>("Database:SeedDemo");
        var migrate = seedDemo || startupFlags.Contains(MigrateFlag) || app.Configuration.GetValue<bool>("Database:MigrateOnStartup");
        if (!migrate)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while one request writes; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var provider = scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Provider;
        app.Logger.LogInformation("Database is up to date ({Provider})", provider);
        if (seedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
            app.Logger.LogInformation("Demo data is in place; demo users are listed in the README");
        }
    }
}
