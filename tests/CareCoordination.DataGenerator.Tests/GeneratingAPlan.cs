using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.DataGenerator.Bench;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.DataGenerator.Tests;

[Collection(GeneratedPlanCollection.Name)]
public class GeneratingAPlan(GeneratedPlan plan)
{
    [Fact]
    public void Every_table_holds_what_the_plan_size_says()
    {
        var size = new PlanSize(GeneratedPlan.Members);
        using var connection = plan.Connection();
        Assert.Equal(300, Count(connection, "Members"));
        Assert.Equal(6_000, Count(connection, "CoordinationEvents"));
        Assert.Equal(1_500, Count(connection, "CoordinationTasks"));
        Assert.Equal(150, Count(connection, "CoordinationTasks WHERE Status NOT IN ('Completed', 'Cancelled')"));
        Assert.Equal(1_500, Count(connection, "CoordinationFlags"));
        Assert.Equal(15, Count(connection, "Releases"));
        Assert.Equal(3_000, Count(connection, "AuditEntries"));
        Assert.Equal(size.Providers, Count(connection, "Providers"));
        Assert.Equal(size.Ppgs, Count(connection, "ParticipatingPhysicianGroups"));
        Assert.Equal(3, Count(connection, "AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'CareManager'"));
        Assert.Equal(0, Count(connection, "PlanRuleSettings"));
        foreach (var (table, rows) in plan.Report.Rows)
        {
            Assert.Equal(rows, Count(connection, $"\"{table}\""));
        }
    }

    [Fact]
    public void Every_foreign_key_holds_and_the_file_is_sound()
    {
        using var connection = plan.Connection();
        Assert.Empty(Rows(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(["ok"], Rows(connection, "PRAGMA integrity_check"));
        Assert.Equal(["wal"], Rows(connection, "PRAGMA journal_mode"));
        Assert.NotEmpty(Rows(connection, "SELECT tbl FROM sqlite_stat1"));
    }

    [Fact]
    public async Task The_app_context_reads_every_generated_row()
    {
        await using var db = plan.Context();
        Assert.Equal(plan.Report.Rows["Providers"], (await db.Providers.AsNoTracking().ToListAsync()).Count(p => Core.Providers.Npi.IsValid(p.Npi.Value)));
        Assert.Equal(plan.Report.Rows["Members"], (await db.Members.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["Conditions"], (await db.Conditions.AsNoTracking().ToListAsync()).Count(c => c.Code.Value.Length >= 3));
        Assert.Equal(plan.Report.Rows["MedicationOrders"], (await db.MedicationOrders.AsNoTracking().ToListAsync()).Count(o => o.Dose > 0));
        Assert.Equal(plan.Report.Rows["CareRelationships"], (await db.CareRelationships.AsNoTracking().ToListAsync()).Count);
        var events = await db.CoordinationEvents.AsNoTracking().Include(e => e.Flags).ToListAsync();
        Assert.Equal(plan.Report.Rows["CoordinationEvents"], events.Count);
        Assert.Equal(plan.Report.Rows["CoordinationFlags"], events.Sum(e => e.Flags.Count));
        Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.OccurredAt.Kind));
        var tasks = await db.CoordinationTasks.AsNoTracking().Include(t => t.Event).ToListAsync();
        Assert.Equal(plan.Report.Rows["CoordinationTasks"], tasks.Count);
        Assert.All(tasks, t => Assert.Equal(t.MemberId, t.Event!.MemberId));
        Assert.All(tasks, t => Assert.Equal(t.IsClosed, t.ClosedAt is not null));
        Assert.Equal(plan.Report.Rows["TaskActivities"], (await db.TaskActivities.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["InboxMessages"], (await db.InboxMessages.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["Releases"], (await db.Releases.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["ReleaseDocuments"], (await db.ReleaseDocuments.AsNoTracking().ToListAsync()).Count(d => d.Content.Length > 0));
        Assert.Equal(plan.Report.Rows["ProtectedNotes"], (await db.ProtectedNotes.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["Disclosures"], (await db.Disclosures.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["EmergencyAccesses"], (await db.EmergencyAccesses.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(plan.Report.Rows["AspNetUsers"], (await db.Users.AsNoTracking().ToListAsync()).Count);
    }

    [Fact]
    public async Task The_audit_trail_is_one_unbroken_hash_chain()
    {
        await using var db = plan.Context();
        var chain = new AuditChain();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable())
        {
            Assert.True(chain.Accept(entry), chain.Break?.Reason);
        }

        Assert.Equal(3_000, chain.Checked);
        Assert.Equal(0, chain.Unsealed);
    }

    [Fact]
    public async Task The_manifest_names_the_bench_accounts_and_members_the_benchmark_needs()
    {
        var manifest = plan.Report.Manifest;
        var written = BenchManifest.FromJson(await File.ReadAllTextAsync(plan.DatabasePath + ".bench.json"))!;
        Assert.Equal(manifest.BusyMembers, written.BusyMembers);
        Assert.Equal(plan.Report.Rows.OrderBy(r => r.Key), written.Counts.OrderBy(r => r.Key));
        await using var db = plan.Context();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!);
        var pcp = users[manifest.Accounts.Pcp];
        var psychiatrist = users[manifest.Accounts.BhClinician];
        Assert.Equal(manifest.Providers.PcpProviderId, pcp.ProviderId);
        Assert.Equal(manifest.Providers.PsychiatristProviderId, psychiatrist.ProviderId);
        Assert.True(await db.Providers.AnyAsync(p => p.Id == psychiatrist.ProviderId && p.CanPrescribe && p.Discipline == Core.Providers.BhDiscipline.Psychiatrist));
        Assert.InRange(await db.Members.CountAsync(m => m.PcpId == pcp.ProviderId), 60, 100);
        var today = GeneratedPlan.Today;
        Assert.InRange(await db.CareRelationships.CountAsync(r => r.ProviderId == psychiatrist.ProviderId && r.EndOn == null && r.StartOn <= today), 90, 100);

        Assert.NotEmpty(manifest.BusyMembers);
        foreach (var busy in manifest.BusyMembers)
        {
            Assert.True(busy.Events >= 50);
            Assert.Equal(busy.Events, await db.CoordinationEvents.CountAsync(e => e.MemberId == busy.MemberId));
            Assert.Equal(pcp.ProviderId, (await db.Members.SingleAsync(m => m.Id == busy.MemberId)).PcpId);
            Assert.True(await db.CareRelationships.AnyAsync(r => r.MemberId == busy.MemberId && r.ProviderId == psychiatrist.ProviderId && r.EndOn == null));
        }

        foreach (var target in manifest.Prescribing)
        {
            Assert.True(await db.CareRelationships.AnyAsync(r => r.MemberId == target.MemberId && r.ProviderId == psychiatrist.ProviderId && r.EndOn == null));
            var open = await db.MedicationOrders.Where(o => o.MemberId == target.MemberId && o.StopOn == null).Select(o => o.DrugName).ToListAsync();
            Assert.DoesNotContain(target.DrugsNotOnList, drug => open.Exists(name => name.StartsWith(drug + " ", StringComparison.Ordinal)));
        }

        var panelIds = await db.Members.Where(m => m.PcpId == pcp.ProviderId).Select(m => m.PlanMemberId).ToListAsync();
        Assert.All(manifest.Search.Pcp.PlanMemberIds, id => Assert.Contains(id, panelIds));
    }

    [Fact]
    public async Task Every_account_signs_in_with_the_demo_password()
    {
        await using var db = plan.Context();
        var hasher = new PasswordHasher<CareUser>();
        var users = await db.Users.AsNoTracking().ToListAsync();
        Assert.All(users, user =>
        {
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoData.Password));
            Assert.Equal(user.Email!.ToUpperInvariant(), user.NormalizedEmail);
            Assert.Equal(user.UserName!.ToUpperInvariant(), user.NormalizedUserName);
        });
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(users[0], users[0].PasswordHash!, "not the password"));
        Assert.Contains(users, u => u.Email == AccountGenerator.BenchAdmin);
    }

    [Fact]
    public async Task Open_work_spreads_over_rules_priorities_groups_assignees_and_due_dates()
    {
        await using var db = plan.Context();
        var open = await db.CoordinationTasks.AsNoTracking()
            .Where(t => t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled)
            .Select(t => new { t.Trigger, t.Priority, t.Status, t.AssigneeUserId, t.DueOn, t.Member.PpgId })
            .ToListAsync();
        var today = GeneratedPlan.Today;
        Assert.True(open.Select(t => t.Trigger).Distinct().Count() >= 5, "open tasks cover most rules");
        Assert.Equal(3, open.Select(t => t.Priority).Distinct().Count());
        Assert.Equal(3, open.Select(t => t.Status).Distinct().Count());
        Assert.True(open.Select(t => t.PpgId).Distinct().Count() >= 2);
        Assert.Contains(open, t => t.AssigneeUserId is null);
        Assert.True(open.Where(t => t.AssigneeUserId is not null).Select(t => t.AssigneeUserId).Distinct().Count() >= 2);
        Assert.InRange(open.Count(t => t.DueOn < today), 1, open.Count / 2);
        Assert.Contains(open, t => t.DueOn >= today);

        var kinds = await db.CoordinationEvents.Select(e => e.Kind).Distinct().ToListAsync();
        Assert.Superset(new HashSet<CoordinationEventKind>(
            [CoordinationEventKind.Finding, CoordinationEventKind.Prescription, CoordinationEventKind.Referral, CoordinationEventKind.Assessment,
             CoordinationEventKind.TreatmentPlan, CoordinationEventKind.ContactAttempt, CoordinationEventKind.Note]), kinds.ToHashSet());
        Assert.Equal(3, await db.Releases.Select(r => r.Kind).Distinct().CountAsync());
        Assert.True(await db.InboxMessages.AnyAsync(m => m.AcknowledgedAt == null) && await db.InboxMessages.AnyAsync(m => m.AcknowledgedAt != null));
        var conditions = await db.Conditions.AsNoTracking().ToListAsync();
        Assert.Contains(conditions, c => c.Code.Value.StartsWith('F'));
        Assert.Contains(conditions, c => !c.Code.Value.StartsWith('F'));
    }

    private static long Count(SqliteConnection connection, string from)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {from}";
        return (long)command.ExecuteScalar()!;
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
