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
        var categories = Enum.GetValues<EmergencyCategory>();
        return [.. Enumerable.Range(0, size.EmergencyGrants).Select(_ =>
        {
            var grant = EmergencyAccess.Request(random.Pick(clinicians), random.Pick(members.All).Id, categories[random.Next(categories.Length)],
                random.Pick(Reasons), time.DuringOfficeHours(time.AsOf.AddDays(-random.Next(2, 180)), random), grantsTodaySoFar: 0);
            // The privacy office has looked back at most grants older than a week.
            if (grant.RequestedAt < time.AsOf.ToDateTime(TimeOnly.MinValue).AddDays(-7) && random.Chance(0.9))
            {
                grant.RecordReview(accounts.PrivacyOfficer.Id, random.Chance(0.95) ? EmergencyReview.Reviewed : EmergencyReview.Questioned,
                    grant.RequestedAt.AddDays(3), "Checked against the emergency department record");
            }

            return grant;
        })];
    }

    public static void Write(BulkDatabase db, List<EmergencyAccess> grants)
    {
        using var table = db.Table("EmergencyAccesses", grants.Count, "Id", "UserId", "MemberId", "Category", "Reason", "RequestedAt", "GrantedAt", "ExpiresAt",
            "Approval", "ApprovalDecidedByUserId", "ApprovalDecidedAt", "Review", "ReviewedByUserId", "ReviewedAt", "ReviewNote");
        var id = 0;
        foreach (var g in grants)
        {
            table.Insert(++id, g.UserId, g.MemberId, g.Category.ToString(), g.Reason, g.RequestedAt, g.GrantedAt, g.ExpiresAt, g.Approval.ToString(),
                g.ApprovalDecidedByUserId, g.ApprovalDecidedAt, g.Review.ToString(), g.ReviewedByUserId, g.ReviewedAt, g.ReviewNote);
        }
    }
}
