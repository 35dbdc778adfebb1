using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Storage;
using CareCoordination.Web.Identity;

namespace CareCoordination.DataGenerator.Audit;

/// <summary>
/// A year of the audit trail, in time order: who read or changed what, mostly care managers and clinicians opening the
/// records of members they may see (a PCP their panel, a BH clinician their caseload), searches, sign-ins, task changes,
/// and the administrators' directory work. Each entry is sealed into the hash chain with the core's own
/// <see cref="AuditEntry.Seal"/>, in id order, exactly as the app's interceptor seals them, so the trail verifies.
/// </summary>
internal static class AuditTrailGenerator
{
    private static readonly Weighted<AuditAction> CareManagerActions = new([
        (AuditAction.MemberRecordViewed, 50), (AuditAction.MemberSearched, 15), (AuditAction.TaskChanged, 20), (AuditAction.SignInSucceeded, 5),
        (AuditAction.SignedOut, 3), (AuditAction.CoordinationRecorded, 3), (AuditAction.ReleaseDocumentViewed, 1), (AuditAction.AccessDenied, 0.5),
        (AuditAction.SignInFailed, 0.5)]);

    private static readonly Weighted<AuditAction> PcpActions = new([
        (AuditAction.MemberRecordViewed, 50), (AuditAction.MemberSearched, 15), (AuditAction.CoordinationRecorded, 8),
        (AuditAction.InboxMessageAcknowledged, 10), (AuditAction.SignInSucceeded, 8), (AuditAction.SignedOut, 4), (AuditAction.ReleaseRecorded, 1),
        (AuditAction.ProtectedContentRequested, 1), (AuditAction.AccessDenied, 1), (AuditAction.SignInFailed, 1), (AuditAction.EmergencyAccessGranted, 0.1)]);

    private static readonly Weighted<AuditAction> BhActions = new([
        (AuditAction.MemberRecordViewed, 55), (AuditAction.MemberSearched, 10), (AuditAction.CoordinationRecorded, 15), (AuditAction.SignInSucceeded, 8),
        (AuditAction.SignedOut, 4), (AuditAction.ReleaseRecorded, 2), (AuditAction.ReleaseRevoked, 0.3), (AuditAction.ProtectedContentRequested, 2),
        (AuditAction.ProtectedContentDisclosed, 1), (AuditAction.ReleaseDocumentViewed, 1), (AuditAction.AccessDenied, 1), (AuditAction.SignInFailed, 1),
        (AuditAction.EmergencyAccessGranted, 0.2)]);

    private static readonly Weighted<AuditAction> AdminActions = new([
        (AuditAction.DirectoryChanged, 30), (AuditAction.SettingsChanged, 2), (AuditAction.AuditTrailViewed, 30), (AuditAction.DisclosuresAccounted, 5),
        (AuditAction.SignInSucceeded, 20), (AuditAction.SignedOut, 10), (AuditAction.SignInFailed, 3)]);

    private static readonly HashSet<AuditAction> AboutAMember =
    [
        AuditAction.MemberRecordViewed, AuditAction.CoordinationRecorded, AuditAction.TaskChanged, AuditAction.InboxMessageAcknowledged,
        AuditAction.ReleaseRecorded, AuditAction.ReleaseRevoked, AuditAction.ReleaseDocumentViewed, AuditAction.ProtectedContentRequested,
        AuditAction.ProtectedContentDisclosed, AuditAction.AccessDenied, AuditAction.EmergencyAccessGranted, AuditAction.DisclosuresAccounted,
    ];

    public static IEnumerable<AuditEntry> Generate(PlanSize size, PlanAccounts accounts, PlanMembers members, PlanCare care, PlanTime time, int seed)
    {
        var random = Seeds.For(seed, "audit");
        var panels = members.All.Where(m => m.PcpId is not null).GroupBy(m => m.PcpId!.Value).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToArray());
        var caseloads = care.Relationships.Where(r => r.EndOn is null).GroupBy(r => r.ProviderId).ToDictionary(g => g.Key, g => g.Select(r => r.MemberId).ToArray());
        var actors = new Weighted<Account>(accounts.All.Select(a => (a, a.Role switch
        {
            CareRoles.CareManager => 45.0 / accounts.CareManagers.Count,
            CareRoles.Admin => 2.0 / accounts.Administrators.Count,
            _ => 53.0 / (accounts.All.Count - accounts.CareManagers.Count - accounts.Administrators.Count),
        })));

        var start = time.End.AddDays(-365);
        var step = (time.End - start).Ticks / size.AuditEntries;
        string? previous = null;
        var connection = "";
        var request = 0;
        for (var i = 0; i < size.AuditEntries; i++)
        {
            var actor = actors.Next(random);
            var action = (actor.Role switch
            {
                CareRoles.CareManager => CareManagerActions,
                CareRoles.Pcp => PcpActions,
                CareRoles.BhClinician => BhActions,
                _ => AdminActions,
            }).Next(random);
            int? memberId = AboutAMember.Contains(action) && actor.Role != CareRoles.Admin ? MemberFor(actor, action, panels, caseloads, members, random) : null;
            if (request == 0 || random.Chance(0.3))
            {
                connection = "0H" + string.Concat(Enumerable.Range(0, 11).Select(_ => "0123456789ABCDEFGHIJKLMNOPQRSTUV"[random.Next(32)]));
                request = 0;
            }

            var entry = new AuditEntry
            {
                OccurredAt = new DateTime(start.Ticks + (i * step) + random.NextInt64(step), DateTimeKind.Utc),
                UserId = action == AuditAction.SignInFailed && random.Chance(0.5) ? null : actor.Id,
                Action = action,
                MemberId = memberId,
                Outcome = action switch
                {
                    AuditAction.SignInFailed => AuditOutcome.Failure,
                    AuditAction.AccessDenied => AuditOutcome.Denied,
                    AuditAction.ProtectedContentRequested when random.Chance(0.4) => AuditOutcome.Denied,
                    _ => AuditOutcome.Success,
                },
                Content = action is AuditAction.ProtectedContentRequested or AuditAction.ProtectedContentDisclosed
                    ? (random.Chance(0.6) ? ProtectedContent.PsychotherapyNotes : ProtectedContent.SubstanceUseDisorderRecords)
                    : null,
                CorrelationId = string.Create(CultureInfo.InvariantCulture, $"{connection}:{++request:X8}"),
            };
            entry.Seal(previous);
            previous = entry.Hash;
            yield return entry;
        }
    }

    /// <summary>A member the actor may open (a refusal is about anyone).</summary>
    private static int MemberFor(Account actor, AuditAction action, Dictionary<int, int[]> panels, Dictionary<int, int[]> caseloads, PlanMembers members, Random random)
    {
        var mine = action is AuditAction.AccessDenied or AuditAction.EmergencyAccessGranted || actor.ProviderId is not { } provider
            ? null
            : actor.Role == CareRoles.Pcp ? panels.GetValueOrDefault(provider) : caseloads.GetValueOrDefault(provider);
        return mine is { Length: > 0 } ? mine[random.Next(mine.Length)] : random.Next(1, members.All.Count + 1);
    }

    public static void Write(BulkDatabase db, IEnumerable<AuditEntry> entries, int count)
    {
        using var table = db.Table("AuditEntries", count, "Id", "OccurredAt", "UserId", "Action", "MemberId", "Outcome", "Content", "CorrelationId", "PreviousHash", "Hash");
        var id = 0L;
        foreach (var e in entries)
        {
            table.Insert(++id, e.OccurredAt, e.UserId, e.Action.ToString(), e.MemberId, e.Outcome.ToString(), e.Content?.ToString(), e.CorrelationId, e.PreviousHash, e.Hash);
        }
    }
}
