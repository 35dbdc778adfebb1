using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Home;

/// <summary>What is waiting for the signed-in user, one section per role they hold.</summary>
public sealed class IndexModel(CareDbContext db, MemberAccess access, PlanClock clock, Part2Reach part2, ProtectedContentRelease protectedContent) : PageModel
{
    private const int ListLength = 15;

    public DateOnly Today { get; private set; }

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public IReadOnlyList<TaskRow>? PanelTasks { get; private set; }

    public int? PanelSize { get; private set; }

    public IReadOnlyList<MessageRow>? Inbox { get; private set; }

    public int InboxWaiting { get; private set; }

    public IReadOnlyList<CaseloadRow>? Caseload { get; private set; }

    public IReadOnlyList<TaskRow>? CaseloadTasks { get; private set; }

    public QueueCounts? Queue { get; private set; }

    public IReadOnlyList<TaskRow>? DueNext { get; private set; }

    public DirectoryCounts? Directory { get; private set; }

    public PrivacyCounts? Privacy { get; private set; }

    public const int EmergencyDisclosureDays = 30;

    /// <summary>For a Part 2 program's clinician: the program's records disclosed in a medical emergency lately.</summary>
    public IReadOnlyList<EmergencyDisclosureNotice> EmergencyDisclosures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        if (User.IsInRole(CareRoles.Pcp) && User.ProviderIdOf() is { } pcpId)
        {
            PanelSize = await db.Members.CountAsync(m => m.PcpId == pcpId, cancellationToken);
            PanelTasks = await OpenTasks(db.CoordinationTasks.Where(t => t.Member.PcpId == pcpId), cancellationToken);
            var waiting = db.InboxMessages.AsNoTracking().Where(m => m.RecipientProviderId == pcpId && m.AcknowledgedAt == null);
            InboxWaiting = await waiting.CountAsync(cancellationToken);
            Inbox = await waiting.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(5)
                .Select(m => new MessageRow(m.MemberId, db.Members.Where(x => x.Id == m.MemberId).Select(x => x.GivenName + " " + x.FamilyName).First(), m.Subject, m.SentAt))
                .ToListAsync(cancellationToken);
        }

        if (User.IsInRole(CareRoles.BhClinician) && User.ProviderIdOf() is { } bhId)
        {
            Caseload = await db.CareRelationships.AsNoTracking()
                .ActiveOn(Today).Where(r => r.ProviderId == bhId)
                .OrderBy(r => r.Member.FamilyName).ThenBy(r => r.Member.GivenName).ThenBy(r => r.MemberId)
                .Select(r => new CaseloadRow(r.MemberId, r.Member.GivenName + " " + r.Member.FamilyName, r.Member.DateOfBirth, r.StartOn))
                .ToListAsync(cancellationToken);
            var caseloadIds = access.MembersVisibleTo(User).Select(m => m.Id);
            CaseloadTasks = await OpenTasks(db.CoordinationTasks.Where(t => caseloadIds.Contains(t.MemberId)), cancellationToken);
            EmergencyDisclosures = await protectedContent.EmergencyDisclosuresOfAsync(bhId, clock.UtcNow.AddDays(-EmergencyDisclosureDays), cancellationToken);
        }

        if (User.IsInRole(CareRoles.CareManager))
        {
            var me = User.UserId();
            var open = db.CoordinationTasks.Where(t => t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled);
            Queue = new QueueCounts(
                await open.CountAsync(cancellationToken),
                await open.CountAsync(t => t.DueOn < Today, cancellationToken),
                await open.CountAsync(t => t.AssigneeUserId == null, cancellationToken),
                await open.CountAsync(t => t.AssigneeUserId == me, cancellationToken));
            DueNext = await OpenTasks(db.CoordinationTasks, cancellationToken);
        }

        if (User.IsInRole(CareRoles.PrivacyOfficer))
        {
            await CountPrivacyWorkAsync(cancellationToken);
        }

        if (User.IsInRole(CareRoles.Admin))
        {
            Directory = new DirectoryCounts(
                await db.Ppgs.CountAsync(cancellationToken),
                await db.Providers.CountAsync(p => p.Kind == ProviderKind.PrimaryCarePhysician, cancellationToken),
                await db.Providers.CountAsync(p => p.Kind == ProviderKind.BehavioralHealthPractitioner, cancellationToken),
                await db.Users.CountAsync(cancellationToken));
        }
    }

    private async Task CountPrivacyWorkAsync(CancellationToken cancellationToken) => Privacy = new PrivacyCounts(
        await db.Releases.CountAsync(r => r.Verification == ReleaseVerification.AwaitingVerification && r.RevokedAt == null, cancellationToken),
        await db.EmergencyAccesses.CountAsync(e => e.Approval == EmergencyApproval.Awaiting, cancellationToken),
        await db.EmergencyAccesses.CountAsync(e => e.Review == EmergencyReview.AwaitingReview, cancellationToken));

    /// <summary>Open tasks, each with its event's line where that reaches this user (42 CFR Part 2), else the neutral line.</summary>
    private async Task<List<TaskRow>> OpenTasks(IQueryable<CoordinationTask> tasks, CancellationToken cancellationToken)
    {
        var rows = await tasks.AsNoTracking()
            .Where(t => t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled)
            .OrderBy(t => t.Priority).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
            .Take(ListLength)
            .Select(t => new TaskRow(t.Id, t.MemberId, t.Member.GivenName + " " + t.Member.FamilyName, t.Trigger, t.Priority, t.Status, t.DueOn,
                t.Event == null ? null : t.Event.Summary, t.Event != null && t.Event.IsPart2Information, t.Event == null ? null : t.Event.ProviderId))
            .ToListAsync(cancellationToken);
        var shareOf = await part2.SharesForAsync(User, rows.Select(r => (r.MemberId, r.EventIsPart2Information)), cancellationToken);
        return [.. rows.Select(r => shareOf(r.MemberId, r.EventIsPart2Information, r.EventProviderId).Shown ? r : r with { Summary = Part2Sharing.WithheldLine })];
    }

    public sealed record TaskRow(int TaskId, int MemberId, string MemberName, CoordinationTrigger Trigger, Priority Priority, CoordinationTaskStatus Status, DateOnly DueOn, string? Summary,
        bool EventIsPart2Information = false, int? EventProviderId = null);

    public sealed record MessageRow(int MemberId, string MemberName, string Subject, DateTime SentAt);

    public sealed record CaseloadRow(int MemberId, string MemberName, DateOnly DateOfBirth, DateOnly Since);

    public sealed record QueueCounts(int Open, int Overdue, int Unassigned, int Mine);

    public sealed record DirectoryCounts(int Ppgs, int Pcps, int BhPractitioners, int Users);

    public sealed record PrivacyCounts(int ReleasesToVerify, int GrantsToApprove, int GrantsToReview);
}
