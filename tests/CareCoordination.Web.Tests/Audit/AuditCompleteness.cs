using System.Globalization;
using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>
/// Audit completeness: every audited action, done for real over HTTP by the demo user who does it, adds exactly the
/// entries it should (one of its own action), each saying who, when (UTC), with what outcome, under which request and
/// about which member, with no PHI in any column; and the hash chain still verifies. Tampering is
/// <see cref="AuditTamperingIsDetected"/>.
/// </summary>
public class AuditCompleteness(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    public static TheoryData<AuditAction> AuditedActions => new(AuditedActs.Scenarios.Keys);

    public static TheoryData<string> RefusedMemberRoutes => new(AuditedRefusals.Routes.Keys);

    [Fact]
    public void Every_audited_action_has_a_scenario() =>
        Assert.Equal(Enum.GetValues<AuditAction>().Order(), AuditedActs.Scenarios.Keys.Order());

    [Theory]
    [MemberData(nameof(AuditedActions))]
    public async Task Each_audited_action_adds_exactly_one_entry_of_its_own(AuditAction action)
    {
        var arranged = await AuditedActs.Scenarios[action](app);
        Assert.Single(arranged.Expected, entry => entry.Action == action);

        await AssertTheActAddsExactly(arranged);
    }

    [Theory]
    [MemberData(nameof(RefusedMemberRoutes))]
    public async Task Another_members_record_on_any_member_route_is_a_404_audited_once_as_a_denial(string route) =>
        await AssertTheActAddsExactly(await AuditedRefusals.ArrangeAsync(app, route));

    [Fact]
    public async Task After_every_audited_action_the_whole_chain_verifies_and_the_administrators_check_says_so()
    {
        foreach (var scenario in AuditedActs.Scenarios.Values)
        {
            await (await scenario(app)).Act();
        }

        AssertTheChainHolds(await app.WithDatabase(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync()));
        var page = Browsing.Text(await (await app.SignedInAs(Browsing.Admin)).GetStringAsync("/Admin/Audit/Verify"));
        var sealedCount = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Hash != ""));
        Assert.Contains("The chain is intact", page, StringComparison.Ordinal);
        Assert.Contains($"All {sealedCount - 1} sealed entries verified", page, StringComparison.Ordinal); // the check's own entry is written after it runs
    }

    private async Task AssertTheActAddsExactly(AuditedAct arranged)
    {
        var before = await app.WithDatabase(db => db.AuditEntries.MaxAsync(a => a.Id));
        var started = DateTime.UtcNow;

        await arranged.Act();

        var finished = DateTime.UtcNow;
        var all = await app.WithDatabase(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        var added = all.Where(a => a.Id > before).ToList();
        Assert.Equal(arranged.Expected.ToList(), added.ConvertAll(AuditedEntry.Of));
        Assert.All(added, entry =>
        {
            Assert.False(string.IsNullOrEmpty(entry.UserId));
            Assert.Equal(DateTimeKind.Utc, entry.OccurredAt.Kind);
            Assert.InRange(entry.OccurredAt, started.AddSeconds(-1), finished.AddSeconds(1));
        });
        // One request wrote them, so one correlation id, and not one an earlier request used.
        var correlationId = Assert.Single(added.Select(a => a.CorrelationId).Distinct());
        Assert.False(string.IsNullOrWhiteSpace(correlationId));
        Assert.DoesNotContain(all.Where(a => a.Id <= before), a => a.CorrelationId == correlationId);
        var (read, phiFound) = await PhiInEntriesAfterAsync(before);
        Assert.Equal(added.Count, read);
        Assert.Empty(phiFound);
        AssertTheChainHolds(all);
    }

    /// <summary>The core verifier over the whole trail, in order: every sealed entry checked, no break.</summary>
    private static void AssertTheChainHolds(List<AuditEntry> trail)
    {
        var chain = new AuditChain();
        foreach (var entry in trail)
        {
            chain.Accept(entry);
        }

        Assert.Null(chain.Break);
        Assert.Equal(trail.Count, chain.Checked + chain.Unsealed);
    }

    /// <summary>
    /// Reads the new rows column by column, whatever columns the table has, looking for any member's name, plan member ID
    /// or date of birth; returns how many rows it read and where each was found, without repeating it.
    /// </summary>
    private Task<(int Read, List<string> Found)> PhiInEntriesAfterAsync(long before) => app.WithDatabase(async db =>
    {
        var members = await db.Members.AsNoTracking().Select(m => new { m.GivenName, m.FamilyName, m.PlanMemberId, m.DateOfBirth }).ToListAsync();
        var phi = members.SelectMany(m => new[]
        {
            $"{m.GivenName} {m.FamilyName}",
            $"{m.FamilyName}, {m.GivenName}",
            m.PlanMemberId,
            m.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.DateOfBirth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture),
        }).ToHashSet(StringComparer.OrdinalIgnoreCase);

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT * FROM AuditEntries WHERE Id > $before ORDER BY Id";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$before", before);
        command.Parameters.Add(parameter);
        await using var rows = await command.ExecuteReaderAsync();
        var (read, found) = (0, new List<string>());
        while (await rows.ReadAsync())
        {
            read++;
            for (var column = 0; column < rows.FieldCount; column++)
            {
                var value = Convert.ToString(rows.GetValue(column), CultureInfo.InvariantCulture) ?? "";
                if (phi.Any(p => value.Contains(p, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"{rows.GetName(column)} of entry #{rows["Id"]}");
                }
            }
        }

        return (read, found);
    });
}
