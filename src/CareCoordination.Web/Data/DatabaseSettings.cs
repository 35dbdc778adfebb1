using Microsoft.Data.Sqlite;

namespace CareCoordination.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Which engine and which database, read from <c>Database:Provider</c> and <c>ConnectionStrings:CareCoordination</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "CareCoordination";
    private const string DefaultSqlite = "Data Source=App_Data/carecoordination.db";

    /// <summary>Reads the settings; an unknown provider stops the app rather than silently falling back to another engine.</summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        return provider switch
        {
            DatabaseProvider.Sqlite => new(provider, AnchorSqliteFile(connectionString ?? DefaultSqlite, contentRoot)),
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

    /// <summary>A relative SQLite file is relative to the app's content root, wherever the app was started from.</summary>
    private static string AnchorSqliteFile(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
