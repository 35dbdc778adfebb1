using CareCoordination.Web.Data.Migrations;
using Microsoft.Data.Sqlite;

namespace CareCoordination.DataGenerator.Tests;

/// <summary>
/// The generator keeps the reports' coordination facts through the domain's own methods, as the app does. The migration
/// that added them fills them from stored history in SQL instead: on a copy of the generated plan, with the facts wiped,
/// the backfill must write back exactly what the domain wrote.
/// </summary>
[Collection(GeneratedPlanCollection.Name)]
public sealed class BackfillAgreesWithTheDomain(GeneratedPlan plan) : IDisposable
{
    private const string FlagFacts = "\"MemberId\", \"OccurredAt\", \"RecipientContactedAt\", \"RecipientAcknowledgedAt\", \"CommunicatedAt\"";

    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"backfill-{Guid.NewGuid():N}.db");

    [Fact]
    public void The_backfill_writes_the_facts_the_domain_kept()
    {
        File.Copy(plan.DatabasePath, _copy);
        using var connection = new SqliteConnection($"Data Source={_copy};Pooling=False");
        connection.Open();
        var flags = Rows(connection, $"SELECT \"Id\", {FlagFacts} FROM \"CoordinationFlags\" ORDER BY \"Id\"");
        var tasks = Rows(connection, "SELECT \"Id\", \"FirstContactAt\" FROM \"CoordinationTasks\" ORDER BY \"Id\"");
        Assert.Contains(flags, f => f[3] is not null && f[4] is not null && f[5] is not null);
        Assert.Contains(flags, f => f[3] is null);
        Assert.Contains(tasks, t => t[1] is not null);

        Execute(connection, "UPDATE \"CoordinationFlags\" SET \"MemberId\" = 0, \"OccurredAt\" = '0001-01-01 00:00:00', \"RecipientContactedAt\" = NULL, "
            + "\"RecipientAcknowledgedAt\" = NULL, \"CommunicatedAt\" = NULL");
        Execute(connection, "UPDATE \"CoordinationTasks\" SET \"FirstContactAt\" = NULL");
        foreach (var statement in CoordinationFactsBackfill.Statements)
        {
            Execute(connection, statement);
        }

        Assert.Equal(flags, Rows(connection, $"SELECT \"Id\", {FlagFacts} FROM \"CoordinationFlags\" ORDER BY \"Id\""));
        Assert.Equal(tasks, Rows(connection, "SELECT \"Id\", \"FirstContactAt\" FROM \"CoordinationTasks\" ORDER BY \"Id\""));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_copy);
    }

    private static List<object?[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
