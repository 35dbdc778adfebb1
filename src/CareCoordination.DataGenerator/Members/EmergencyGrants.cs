using CareCoordination.Core.Members;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator.Members;

/// <summary>"Break the glass" grants from the last six months, all long expired: what the administrators' review lists.</summary>
internal static class EmergencyGrants
{
    private static readonly string[] Reasons =
    [
        "Member in the emergency department; treating psychiatrist unreachable", "Covering for the member's PCP over the weekend",
        "Crisis call from the member; needed the medication list", "Inpatient consult; records needed before the PCP office opened",
    ];

    public static List<EmergencyAccess> Generate(PlanSize size, PlanDirectory directory, PlanAccounts accounts, PlanMembers members, PlanTime time, int seed)
    {
        var random = Seeds.For(seed, "emergency-access");
        var clinicians = directory.Pcps.Concat(directory.Bh).Select(p => accounts.UserOf(p.Id)).OfType<string>().ToList();
        return [.. Enumerable.Range(0, size.EmergencyGrants).Select(_ => EmergencyAccess.Grant(random.Pick(clinicians), random.Pick(members.All).Id,
            random.Pick(Reasons), time.DuringOfficeHours(time.AsOf.AddDays(-random.Next(2, 180)), random)))];
    }

    public static void Write(BulkDatabase db, List<EmergencyAccess> grants)
    {
        using var table = db.Table("EmergencyAccesses", grants.Count, "Id", "UserId", "MemberId", "Reason", "GrantedAt", "ExpiresAt");
        var id = 0;
        foreach (var g in grants)
        {
            table.Insert(++id, g.UserId, g.MemberId, g.Reason, g.GrantedAt, g.ExpiresAt);
        }
    }
}
