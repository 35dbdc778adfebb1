using CareCoordination.Core;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Privacy.Grants;

/// <summary>
/// One emergency grant for the privacy office: approve or decline one past the daily allowance, and review every grant
/// afterwards (reviewed, or questioned with a note), with the member-record reads made under it.
/// </summary>
public sealed class DetailModel(CareDbContext db, AuditTrail audit, PlanClock clock, SubmissionGuard submissions) : PageModel
{
    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public EmergencyReview? Outcome { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public EmergencyAccess Grant { get; private set; } = null!;

    public string PlanMemberId { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    /// <summary>How many times the member's record was read while the grant was open.</summary>
    public int ReadsUnderGrant { get; private set; }

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, grant => grant.Approve(User.UserId(), clock.UtcNow), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), "Say why the grant is declined; the clinician reads it.");
        }

        return ChangeAsync(id, grant => grant.Decline(User.UserId(), clock.UtcNow, Note!.Trim()), cancellationToken);
    }

    public Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        if (Outcome is not (EmergencyReview.Reviewed or EmergencyReview.Questioned))
        {
            ModelState.AddModelError(nameof(Outcome), "Choose reviewed, or questioned.");
        }

        return ChangeAsync(id, grant => grant.RecordReview(User.UserId(), Outcome!.Value, clock.UtcNow, Note), cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(int id, Func<EmergencyAccess, DomainChange> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (Note?.Length > 500)
        {
            ModelState.AddModelError(nameof(Note), "Keep the note under 500 characters.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var grant = await db.EmergencyAccesses.SingleAsync(e => e.Id == id, cancellationToken);
        if (change(grant) is { Done: false, Refusal: { } refusal })
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        audit.Add(AuditAction.EmergencyAccessReviewed, AuditOutcome.Success, grant.MemberId);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Privacy/Grants/{id}", cancellationToken));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.EmergencyAccesses.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Grant = e,
                PlanMemberId = db.Members.Where(m => m.Id == e.MemberId).Select(m => m.PlanMemberId).First(),
                RequestedBy = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).First(),
                Reads = db.AuditEntries.Count(a => a.UserId == e.UserId && a.MemberId == e.MemberId && a.Action == AuditAction.MemberRecordViewed
                    && a.OccurredAt >= e.GrantedAt && a.OccurredAt < e.ExpiresAt),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        (Grant, PlanMemberId, RequestedBy, ReadsUnderGrant) = (found.Grant, found.PlanMemberId, found.RequestedBy, found.Reads);
        return true;
    }
}
