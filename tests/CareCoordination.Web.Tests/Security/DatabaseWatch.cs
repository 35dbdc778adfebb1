using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// Watches the app's SQLite file from a connection of its own. <c>PRAGMA data_version</c> says cheaply whether anyone committed
/// since the last look; only then is every table read and hashed to say what changed. Audit entries and submission tokens
/// are left out of the comparison (reads and refusals are audited, and a refused form may use up its token) and checked on
/// their own: what a refused request may add is a read or a refusal entry, nothing else.
/// </summary>
public sealed class DatabaseWatch : IDisposable
{
    /// <summary>Entries that record a look, not a change (by name: other suites add actions without this file knowing).</summary>
    private static readonly HashSet<string> ReadActions = ["MemberRecordViewed", "MemberSearched", "ReleaseDocumentViewed", "AuditTrailViewed", "DisclosuresAccounted"];

    private static readonly HashSet<string> Unwatched = ["AuditEntries", "SubmissionTokens", "__EFMigrationsHistory"];

    private readonly SqliteConnection _connection;
    private long _version;

    public DatabaseWatch(string databasePath)
    {
        _connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        _connection.Open();
        _version = DataVersion();
    }

    /// <summary>Whether anyone committed a change since the last call.</summary>
    public bool Changed()
    {
        var now = DataVersion();
        var changed = now != _version;
        _version = now;
        return changed;
    }

    /// <summary>A hash per table of every row (all tables but the audit trail and submission tokens, unless asked for all).</summary>
    public IReadOnlyDictionary<string, string> Fingerprint(bool everyTable = false)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in Tables().Where(t => everyTable || !Unwatched.Contains(t)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(reader.IsDBNull(i) ? "\u0001null"u8 : reader.GetValue(i) is byte[] bytes ? bytes : Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!));
                    hash.AppendData("\u0000"u8);
                }
            }

            hashes[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())}";
        }

        return hashes;
    }

    /// <summary>The tables whose rows differ between two fingerprints, with their row counts then and now.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
    [
        .. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} (rows {Rows(before.GetValueOrDefault(t))} → {Rows(after.GetValueOrDefault(t))})"),
    ];

    public long LastAuditId() => Scalar("SELECT coalesce(max(Id), 0) FROM AuditEntries");

    /// <summary>Audit entries after <paramref name="afterId"/> that record a change rather than a read or a refusal.</summary>
    public IReadOnlyList<string> ChangesAuditedAfter(long afterId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT Action, Outcome FROM AuditEntries WHERE Id > $id ORDER BY Id";
        command.Parameters.AddWithValue("$id", afterId);
        using var reader = command.ExecuteReader();
        var changes = new List<string>();
        while (reader.Read())
        {
            var (action, outcome) = (reader.GetString(0), reader.GetString(1));
            if (!ReadActions.Contains(action) && outcome is not ("Denied" or "Failure"))
            {
                changes.Add($"{action}/{outcome}");
            }
        }

        return changes;
    }

    public void Dispose() => _connection.Dispose();

    private static string Rows(string? fingerprint) => fingerprint?.Split(':')[0] ?? "none";

    private long DataVersion() => Scalar("PRAGMA data_version");

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private List<string> Tables()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
