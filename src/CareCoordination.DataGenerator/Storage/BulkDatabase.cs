using CareCoordination.DataGenerator.Reporting;
using Microsoft.Data.Sqlite;

namespace CareCoordination.DataGenerator.Storage;

/// <summary>
/// One connection that writes rows as fast as SQLite takes them: no rollback journal and no fsync while loading, a large
/// page cache so the app's indexes stay in memory, and large transactions. The schema (tables, indexes, triggers) is the
/// app's, untouched; only foreign-key checks are off during the load (the tests check every key afterwards).
/// </summary>
internal sealed class BulkDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly ConsoleProgress _progress;
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

    private BulkDatabase(SqliteConnection connection, ConsoleProgress progress) => (_connection, _progress) = (connection, progress);

    public IReadOnlyDictionary<string, long> RowsWritten => _rows;

    public static BulkDatabase Open(string path, ConsoleProgress progress)
    {
        var connection = new SqliteConnection(Schema.ConnectionString(path));
        connection.Open();
        var database = new BulkDatabase(connection, progress);
        database.Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1048576;");
        return database;
    }

    /// <summary>A prepared INSERT into <paramref name="table"/>, reused for every row.</summary>
    public TableWriter Table(string table, long expectedRows, params string[] columns)
    {
        var writer = new TableWriter(_connection, table, columns, _progress.Start(table, expectedRows));
        writer.Finished += rows => _rows[table] = _rows.GetValueOrDefault(table) + rows;
        return writer;
    }

    /// <summary>Back to the app's settings: write-ahead logging (which persists in the file) and fresh planner statistics.</summary>
    public void Finish()
    {
        using var step = _progress.Step("ANALYZE and WAL");
        Execute("PRAGMA journal_mode=WAL; ANALYZE;");
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
