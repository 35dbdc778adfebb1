using CareCoordination.DataGenerator.Reporting;
using Microsoft.Data.Sqlite;

namespace CareCoordination.DataGenerator.Storage;

/// <summary>
/// Inserts rows into one table through one prepared command, committing every <see cref="RowsPerTransaction"/> rows.
/// Values go in as EF Core would send them, so Microsoft.Data.Sqlite formats them the same way (DateTime as
/// 'yyyy-MM-dd HH:mm:ss.FFFFFFF', DateOnly as 'yyyy-MM-dd', decimal as text, bool as 0/1), except Guids, which EF
/// stores as upper-case text: those are converted here.
/// </summary>
internal sealed class TableWriter : IDisposable
{
    public const int RowsPerTransaction = 50_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _parameters;
    private readonly TableProgress _progress;
    private SqliteTransaction _transaction;
    private long _written;

    public TableWriter(SqliteConnection connection, string table, IReadOnlyList<string> columns, TableProgress progress)
    {
        (_connection, _progress) = (connection, progress);
        _transaction = connection.BeginTransaction();
        _insert = connection.CreateCommand();
        _insert.Transaction = _transaction;
        _insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        _parameters = [.. columns.Select((_, i) => _insert.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value)))];
        _insert.Prepare();
    }

    public event Action<long>? Finished;

    public void Insert(params ReadOnlySpan<object?> values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"Expected {_parameters.Length} values, got {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid guid => guid.ToString("D").ToUpperInvariant(),
                var value => value,
            };
        }

        _insert.ExecuteNonQuery();
        if (++_written % RowsPerTransaction == 0)
        {
            _transaction.Commit();
            _transaction.Dispose();
            _transaction = _connection.BeginTransaction();
            _insert.Transaction = _transaction;
        }

        _progress.Report(_written);
    }

    public void Dispose()
    {
        _transaction.Commit();
        _transaction.Dispose();
        _insert.Dispose();
        _progress.Complete(_written);
        Finished?.Invoke(_written);
    }
}
