using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Privacy;

/// <summary>
/// The privacy office's two queues: releases received and awaiting verification, and emergency grants awaiting approval
/// or review, oldest first. Rows carry identifiers and dates; the member's name is on the page each link opens.
/// </summary>
public sealed class IndexModel(CareDbContext db, PlanClock clock) : PageModel
{
    public const int QueueLength = 50;

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public IReadOnlyList<ReleaseToVerify> Releases { get; private set; } = [];

    public IReadOnlyList<GrantToReview> Grants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Releases = await db.Releases.AsNoTracking().Where(r => r.Verification == ReleaseVerification.AwaitingVerification && r.RevokedAt == null)
            .OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Take(QueueLength)
            .Select(r => new ReleaseToVerify(r.Id, r.MemberId, db.Members.Where(m => m.Id == r.MemberId).Select(m => m.PlanMemberId).First(),
                r.Kind, r.RecordedAt, db.Users.Where(u => u.Id == r.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        Grants = await db.EmergencyAccesses.AsNoTracking()
            .Where(e => e.Review == EmergencyReview.AwaitingReview || e.Approval == EmergencyApproval.Awaiting)
            .OrderByDescending(e => e.Approval == EmergencyApproval.Awaiting).ThenBy(e => e.RequestedAt).Take(QueueLength)
            .Select(e => new GrantToReview(e.Id, db.Members.Where(m => m.Id == e.MemberId).Select(m => m.PlanMemberId).First(), e.Category, e.RequestedAt,
                e.Approval, db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).First()))
            .ToListAsync(cancellationToken);
    }

    public sealed record ReleaseToVerify(int Id, int MemberId, string PlanMemberId, ReleaseKind Kind, DateTime? RecordedAt, string? RecordedBy);

    public sealed record GrantToReview(int Id, string PlanMemberId, EmergencyCategory Category, DateTime RequestedAt, EmergencyApproval Approval, string RequestedBy);
}
