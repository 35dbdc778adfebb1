using CareCoordination.Web.Data.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareCoordination.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers both engines' contexts and resolves <see cref="CareDbContext"/> to the configured one. Settings are
    /// read when first needed, so configuration added by a host (or a test) after this call still applies.
    /// </summary>
    public static IServiceCollection AddCareDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            return new SqliteConnectionSetup(settings.BusyTimeout, settings.SqliteFlushesEveryCommit);
        });
        services.AddSingleton(sp => new SqliteWriteGate(sp.GetRequiredService<DatabaseSettings>().BusyTimeout));
        services.AddSingleton<TransactionFailureLogging>();
        // A SQLite table rebuild (a column made nullable) turns foreign keys off outside the migration's transaction, as EF
        // documents; it warns so on every fresh database, which start-up migrates before the node serves.
        services.AddDbContext<SqliteCareDbContext>((sp, options) => LogTransactionFailures(options
            .UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
            .AddInterceptors(sp.GetRequiredService<SqliteConnectionSetup>()), sp));
        services.AddDbContext<SqlServerCareDbContext>((sp, options) => LogTransactionFailures(
            options.UseSqlServer(sp.GetRequiredService<DatabaseSettings>().ConnectionString), sp));
        services.AddScoped<CareDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerCareDbContext>(),
            _ => sp.GetRequiredService<SqliteCareDbContext>(),
        });
        return services;
    }

    private static DbContextOptionsBuilder LogTransactionFailures(DbContextOptionsBuilder options, IServiceProvider services) => options
        .AddInterceptors(services.GetRequiredService<TransactionFailureLogging>())
        .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.TransactionError));
}
