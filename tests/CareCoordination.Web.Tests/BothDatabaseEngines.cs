using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareCoordination.Web.Tests;

/// <summary>
/// Each engine keeps its own migrations; both must describe the current model. When someone changes the model and
/// adds a migration for one engine only, the other's test fails here.
/// </summary>
public class BothDatabaseEngines
{
    private static SqliteCareDbContext Sqlite(string file) =>
        new(new DbContextOptionsBuilder<SqliteCareDbContext>().UseSqlite($"Data Source={file}").Options);

    // Generating SQL never connects, so no SQL Server is needed (none is available on the build machines).
    private static SqlServerCareDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerCareDbContext>().UseSqlServer("Server=(offline);Database=CareCoordination;TrustServerCertificate=True").Options);

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Sqlite(":memory:");
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/CareCoordination.Web --context SqliteCareDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void Sql_server_migrations_match_the_model()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/CareCoordination.Web --context SqlServerCareDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void Both_engines_have_the_same_migration_history()
    {
        using var sqlite = Sqlite(":memory:");
        using var sqlServer = SqlServer();
        Assert.Equal(
            sqlite.Database.GetMigrations().Select(Name),
            sqlServer.Database.GetMigrations().Select(Name));

        static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
    }

    [Fact]
    public void Sql_server_gets_a_valid_idempotent_script()
    {
        using var db = SqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Members]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [CoordinationTasks]", script, StringComparison.Ordinal);
        Assert.Contains("[Version] uniqueidentifier NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CONSTRAINT [CK_Releases_ExactlyOneRecipient]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTOINCREMENT", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_counts_seconds_since_1970_as_the_app_does_fractions_of_a_second_dropped()
    {
        var file = Path.Combine(Path.GetTempPath(), $"carecoordination-unixtime-{Guid.NewGuid():N}.db");
        DateTime[] instants =
        [
            new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 18, 20, 0, 0, DateTimeKind.Utc).AddTicks(9_999_999),
            new DateTime(2026, 11, 28, 1, 59, 59, DateTimeKind.Utc).AddTicks(1),
            new(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc),
        ];
        try
        {
            await using var db = Sqlite(file);
            await db.Database.MigrateAsync();
            db.UsedAuthenticatorCodes.AddRange(instants.Select((at, i) => new UsedAuthenticatorCode { UserId = "u", Code = $"{i}", UsedAt = at }));
            await db.SaveChangesAsync();

            var counted = await db.UsedAuthenticatorCodes.OrderBy(c => c.Code).Select(c => UnixTime.Seconds(c.UsedAt)).ToListAsync();

            Assert.Equal([0L, 1_773_864_000L, 1_795_831_199L, 4_102_444_799L], counted);
            Assert.Equal(counted, instants.Select(UnixTime.Seconds));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void Sql_server_counts_seconds_since_1970_with_datediff_big()
    {
        using var db = SqlServer();

        var sql = db.UsedAuthenticatorCodes.Select(c => UnixTime.Seconds(c.UsedAt)).ToQueryString();

        Assert.Contains("DATEDIFF_BIG(second, '1970-01-01T00:00:00', [u].[UsedAt])", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_migrations_build_a_working_database_from_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"carecoordination-migrate-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = Sqlite(file))
            {
                db.Database.Migrate();
                Assert.Empty(db.Database.GetPendingMigrations());
                Assert.Equal(0, db.Members.Count());
                Assert.Contains("CK_Releases_ExactlyOneRecipient", db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE name = 'Releases'").Single(), StringComparison.Ordinal);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
