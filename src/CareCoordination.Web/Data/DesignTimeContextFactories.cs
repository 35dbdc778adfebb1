using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CareCoordination.Web.Data;

// `dotnet ef` builds each provider's context through these, without starting the app. Arguments after `--`
// are configuration, e.g. `-- --ConnectionStrings:CareCoordination "Server=...;Database=..."`.

public sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteCareDbContext>
{
    public SqliteCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCareDbContext>()
            .UseSqlite(DesignTimeSettings.Read(args, DatabaseProvider.Sqlite).ConnectionString).Options);
}

public sealed class SqlServerDesignTimeContextFactory : IDesignTimeDbContextFactory<SqlServerCareDbContext>
{
    public SqlServerCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCareDbContext>()
            .UseSqlServer(DesignTimeSettings.Read(args, DatabaseProvider.SqlServer).ConnectionString).Options);
}

internal static class DesignTimeSettings
{
    // Generating migrations or scripts never connects, so a placeholder server is enough for those commands.
    private const string PlaceholderSqlServer = "Server=(design-time);Database=CareCoordination;Trusted_Connection=True;TrustServerCertificate=True";

    public static DatabaseSettings Read(string[] args, DatabaseProvider provider)
    {
        var defaults = new Dictionary<string, string?>();
        if (provider == DatabaseProvider.SqlServer)
        {
            defaults[$"ConnectionStrings:{DatabaseSettings.ConnectionStringName}"] = PlaceholderSqlServer;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection([new("Database:Provider", provider.ToString())])
            .Build();
        return DatabaseSettings.From(configuration, Directory.GetCurrentDirectory());
    }
}
