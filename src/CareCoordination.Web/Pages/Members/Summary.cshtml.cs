using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Members;

/// <summary>
/// One member's record at a glance: care team, problems, medications, releases, open coordination and the timeline. What a
/// 42 CFR Part 2 program recorded shows only where <see cref="Part2Sharing"/> lets it reach this viewer, with its notice.
/// </summary>
public sealed class SummaryModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock, Part2Reach part2) : PageModel
{
    public const int TimelineLength = 50;

    public DateOnly Today { get; private set; }

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public Header Member { get; private set; } = null!;

    public int Age => Core.Members.Member.AgeOn(Member.DateOfBirth, Today);

    /// <summary>Set when the user sees this record only through an emergency grant.</summary>
    public EmergencyAccess? Emergency { get; private set; }

    public IReadOnlyList<string> Treating { get; private set; } = [];

    public IReadOnlyList<Condition> Conditions { get; private set; } = [];

    public IReadOnlyList<MedicationOrder> Medications { get; private set; } = [];

    /// <summary>Diagnoses or medications a Part 2 program recorded that this viewer may not see.</summary>
    public bool ClinicalListsWithheld { get; private set; }

    /// <summary>The 2.32 notices of the Part 2 information shown on this page under the member's consent.</summary>
    public IReadOnlyList<string> Part2Notices { get; private set; } = [];

    public IReadOnlyList<ReleaseRow> Releases { get; private set; } = [];

    public IReadOnlyList<CoordinationTask> OpenTasks { get; private set; } = [];

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Today = clock.Today;
        var header = await access.MembersVisibleTo(User).AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new Header(m.Id, m.GivenName + " " + m.FamilyName, m.PlanMemberId, m.DateOfBirth, m.Sex, m.Phone,
                m.EnrollmentDate, m.Ppg.Name, m.Pcp == null ? null : m.Pcp.GivenName + " " + m.Pcp.FamilyName + ", " + m.Pcp.Credentials))
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            // Absent and forbidden look the same, so ids cannot be probed; both are audited.
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, id, cancellationToken: cancellationToken);
            return NotFound();
        }

        Member = header;
        Emergency = await access.EmergencyOnlyAsync(User, id, cancellationToken);
        var sharing = await part2.ForMemberAsync(id, await part2.RecipientOfAsync(User, cancellationToken), cancellationToken);
        // Diagnoses and orders carry their recording provider, not a Part 2 mark of their own: the directory says which are programs.
        var programs = (await db.Providers.AsNoTracking().Where(p => p.IsPart2Program).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var conditions = (await db.Conditions.AsNoTracking().Where(c => c.MemberId == id)
            .OrderBy(c => c.Status).ThenBy(c => c.Code)
            .ToListAsync(cancellationToken)).Select(c => (Item: c, Share: sharing.Of(programs.Contains(c.RecordedById), c.RecordedById))).ToList();
        var medications = (await db.MedicationOrders.AsNoTracking().Where(o => o.MemberId == id)
            .OrderBy(o => o.StopOn != null).ThenBy(o => o.DrugName)
            .ToListAsync(cancellationToken)).Select(o => (Item: o, Share: sharing.Of(programs.Contains(o.PrescriberId), o.PrescriberId))).ToList();
        Conditions = [.. conditions.Where(c => c.Share.Shown).Select(c => c.Item)];
        Medications = [.. medications.Where(o => o.Share.Shown).Select(o => o.Item)];
        ClinicalListsWithheld = conditions.Count != Conditions.Count || medications.Count != Medications.Count;
        // Being treated by a Part 2 program is itself Part 2 information (42 CFR 2.12(a)(1)): named only where it may reach the viewer.
        Treating = [.. (await db.CareRelationships.AsNoTracking().ActiveOn(Today).Where(r => r.MemberId == id)
                .OrderBy(r => r.StartOn)
                .Select(r => new { r.ProviderId, r.Provider.IsPart2Program, Name = r.Provider.GivenName + " " + r.Provider.FamilyName + ", " + r.Provider.Credentials })
                .ToListAsync(cancellationToken))
            .Where(r => sharing.Of(r.IsPart2Program, r.ProviderId).Shown).Select(r => r.Name)];
        Releases = await ReleasesOf(id, cancellationToken);
        OpenTasks = await db.CoordinationTasks.AsNoTracking().WhereOpen()
            .Where(t => t.MemberId == id)
            .OrderBy(t => t.Priority).ThenBy(t => t.DueOn)
            .ToListAsync(cancellationToken);
        Timeline = [.. (await db.CoordinationEvents.AsNoTracking().Include(e => e.Flags)
            .Where(e => e.MemberId == id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(TimelineLength)
            .ToListAsync(cancellationToken)).Select(e => new TimelineItem(e, sharing.Of(e.IsPart2Information, e.ProviderId)))];
        Part2Notices = Part2Sharing.NoticesOf(conditions.Select(c => c.Share).Concat(medications.Select(o => o.Share)).Concat(Timeline.Select(t => t.Share)));

        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, id, cancellationToken: cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<ReleaseRow>> ReleasesOf(int memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Releases.AsNoTracking().Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.SignedOn)
            .Select(r => new
            {
                Release = r,
                Recipient = r.RecipientProviderId != null
                    ? db.Providers.Where(p => p.Id == r.RecipientProviderId).Select(p => p.GivenName + " " + p.FamilyName + ", " + p.Credentials).FirstOrDefault()
                    : db.Ppgs.Where(g => g.Id == r.RecipientPpgId).Select(g => g.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReleaseRow(r.Release, r.Recipient ?? "unknown recipient", r.Release.StatusOn(Today)))];
    }

    public sealed record Header(int Id, string Name, string PlanMemberId, DateOnly DateOfBirth, AdministrativeSex Sex, string? Phone,
        DateOnly EnrolledOn, string Ppg, string? Pcp);

    public sealed record ReleaseRow(Release Release, string Recipient, ReleaseStatus Status);

    /// <summary>An event and whether its details reach this viewer.</summary>
    public sealed record TimelineItem(CoordinationEvent Event, Part2Share Share);
}
