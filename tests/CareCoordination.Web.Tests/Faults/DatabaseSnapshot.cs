using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>
/// Every row of every table of a SQLite file, read through a connection of its own: two snapshots are equal only when
/// not one value changed, no row appeared and none went. Blobs are kept as their SHA-256.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly SortedDictionary<string, List<string>> _tables;

    private DatabaseSnapshot(SortedDictionary<string, List<string>> tables) => _tables = tables;

    public int RowCount(string table) => _tables[table].Count;

    public static async Task<DatabaseSnapshot> TakeAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Show(reader.GetValue(i)))));
            }

            tables[name] = rows;
        }

        return new DatabaseSnapshot(tables);
    }

    /// <summary>Fails, naming each table that differs and the rows that came or went, unless this snapshot equals <paramref name="before"/>.</summary>
    public void AssertUnchangedSince(DatabaseSnapshot before, string what)
    {
        ArgumentNullException.ThrowIfNull(before);
        var differences = before._tables.Keys.Union(_tables.Keys)
            .Select(table => (table, Was: before._tables.GetValueOrDefault(table) ?? [], Now: _tables.GetValueOrDefault(table) ?? []))
            .Where(t => !t.Was.SequenceEqual(t.Now))
            .Select(t => $"{t.table}: {t.Was.Count} rows before, {t.Now.Count} after; gone [{string.Join("; ", t.Was.Except(t.Now))}], new [{string.Join("; ", t.Now.Except(t.Was))}]")
            .ToList();
        Assert.True(differences.Count == 0, $"{what} changed the database:\n{string.Join("\n", differences)}");
    }

    private static string Show(object value) => value switch
    {
        DBNull => "null",
        byte[] bytes => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
