using CareCoordination.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Which engine and which database, read from <c>Database:Provider</c> and <c>ConnectionStrings:CareCoordination</c>,
/// how long a SQLite statement waits for another writer's lock (<c>Database:BusyTimeoutSeconds</c>), and when SQLite
/// flushes its write-ahead log to disk (<c>Database:SqliteSynchronous</c>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "CareCoordination";
    public const string BusyTimeoutKey = "Database:BusyTimeoutSeconds";
    public const string SynchronousKey = "Database:SqliteSynchronous";
    private const string DefaultSqlite = "Data Source=App_Data/carecoordination.db";
    private const int MaxBusyTimeoutSeconds = 60;

    /// <summary>
    /// A save holds the write lock for milliseconds, so five seconds rides out a burst of simultaneous saves many times
    /// over, yet a lock that is really stuck shows the person the error page long before a browser or proxy gives up.
    /// </summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long each SQLite statement, including the BEGIN IMMEDIATE of a post's transaction, waits for a lock.</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    /// <summary>
    /// Full (the default; decision 0008): every commit is flushed to disk before it is acknowledged. Normal: a commit is
    /// written to the log and flushed at checkpoints, so it survives the app's crash, but the last commits may roll back
    /// after a power loss.
    /// </summary>
    public bool SqliteFlushesEveryCommit { get; init; } = true;

    /// <summary>Reads the settings; an unknown provider or a bad timeout stops the app rather than silently falling back.</summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ParseProvider(configuration["Database:Provider"]);
        var busyTimeout = SecondsSetting.Read(configuration, BusyTimeoutKey, (int)DefaultBusyTimeout.TotalSeconds, 1, MaxBusyTimeoutSeconds);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return provider switch
        {
            DatabaseProvider.Sqlite => new(provider, SqliteConnectionString(connectionString ?? DefaultSqlite, contentRoot, busyTimeout))
            {
                BusyTimeout = busyTimeout,
                SqliteFlushesEveryCommit = ParseSynchronous(configuration[SynchronousKey]),
            },
            _ => new(provider, connectionString ?? throw new InvalidOperationException(
                $"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set.")),
        };
    }

    private static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "SQLSERVER" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{value}'."),
    };

    private static bool ParseSynchronous(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "FULL" => true,
        "NORMAL" => false,
        _ => throw new InvalidOperationException($"{SynchronousKey} must be Normal or Full, not '{value}'."),
    };

    /// <summary>
    /// A relative SQLite file is relative to the app's content root, wherever the app was started from. The busy timeout
    /// becomes the connection's Default Timeout, which bounds Microsoft.Data.Sqlite's own retry of a busy statement.
    /// </summary>
    private static string SqliteConnectionString(string connectionString, string contentRoot, TimeSpan busyTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = (int)busyTimeout.TotalSeconds };
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
