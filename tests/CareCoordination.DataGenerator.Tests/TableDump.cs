using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CareCoordination.DataGenerator.Tests;

public static class TableDump
{
    /// <summary>
    /// Every table in the file (the app's, EF's migration history, SQLite's own sequence and statistics), every row in
    /// rowid order (SQLite's own by name), every value with the storage class SQLite holds it in.
    /// </summary>
    public static Dictionary<string, string> Of(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            // SQLite's own tables hold one row per table or index, in the order they were first written to: sort them by name.
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {(table.StartsWith("sqlite_", StringComparison.Ordinal) ? "1, 2" : "rowid")}";
            using var reader = select.ExecuteReader();
            var text = new StringBuilder();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Convert.ToHexString(bytes),
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture)!,
                    };
                    text.Append(reader.GetName(i)).Append('=').Append(reader.GetFieldType(i).Name).Append(':').Append(value).Append(" | ");
                }

                text.Append('\n');
            }

            dump[table] = text.ToString();
        }

        return dump;
    }
}
