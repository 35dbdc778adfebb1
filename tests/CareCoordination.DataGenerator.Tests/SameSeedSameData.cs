using Microsoft.Data.Sqlite;

namespace CareCoordination.DataGenerator.Tests;

/// <summary>The same seed, size and as-of day give the same database, table by table and row by row; another seed does not.</summary>
public sealed class SameSeedSameData : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "carecoordination-generator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Two_runs_with_the_same_seed_write_identical_tables()
    {
        var asOf = new DateOnly(2026, 11, 27);
        await GeneratedPlan.GenerateAsync(Path.Combine(_directory, "first.db"), seed: 7, asOf);
        await GeneratedPlan.GenerateAsync(Path.Combine(_directory, "second.db"), seed: 7, asOf);
        await GeneratedPlan.GenerateAsync(Path.Combine(_directory, "other-seed.db"), seed: 8, asOf);

        var first = TableDump.Of(Path.Combine(_directory, "first.db"));
        var second = TableDump.Of(Path.Combine(_directory, "second.db"));
        var otherSeed = TableDump.Of(Path.Combine(_directory, "other-seed.db"));

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.Contains("AuditEntries", first.Keys);
        Assert.Contains("sqlite_sequence", first.Keys);
        Assert.Contains("sqlite_stat1", first.Keys);
        foreach (var table in first.Keys)
        {
            Assert.True(first[table] == second[table], $"{table} differs between two runs with the same seed.");
        }

        Assert.NotEqual(first["Members"], otherSeed["Members"]);
        Assert.NotEqual(first["AuditEntries"], otherSeed["AuditEntries"]);
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(_directory, "first.db.bench.json")),
            await File.ReadAllTextAsync(Path.Combine(_directory, "second.db.bench.json")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
