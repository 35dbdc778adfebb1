using CareCoordination.Core.Audit;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Members;

/// <summary>
/// "Break the glass": a PCP or BH clinician reads the record of a member outside their care, in an emergency. They give
/// the member ID, the kind of emergency and what it is; access lasts four hours and is read-only; the grant and every read
/// are audited and go to the privacy office's review queue. Past the daily allowance, the grant waits for a privacy officer.
/// </summary>
[Authorize(Policy = CarePolicies.Clinicians)]
public sealed class EmergencyModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock, SubmissionGuard submissions,
    IValidator<EmergencyModel.EmergencyRequest> validator) : PageModel
{
    [BindProperty]
    public EmergencyRequest Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int Hours => (int)EmergencyAccess.Duration.TotalHours;

    public int DailyAllowance => EmergencyAccess.GrantsPerDayWithoutApproval;

    /// <summary>Set after a grant past the daily allowance was asked for: it opens once a privacy officer approves it.</summary>
    public bool AwaitingApproval { get; private set; }

    public void OnGet(bool awaitingApproval = false)
    {
        SubmissionId = Guid.NewGuid();
        AwaitingApproval = awaitingApproval;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        validation.ApplyTo(ModelState, nameof(Input));
        var planMemberId = Input.PlanMemberId?.Trim().ToUpperInvariant();
        var memberId = validation.IsValid
            ? await db.Members.Where(m => m.PlanMemberId == planMemberId).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (validation.IsValid && memberId is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(EmergencyRequest.PlanMemberId)}", "No member has that member ID. Check the ID card.");
        }

        if (!ModelState.IsValid || memberId is not { } id)
        {
            return Page();
        }

        if (await access.MembersVisibleTo(User).AnyAsync(m => m.Id == id, cancellationToken))
        {
            return LocalRedirect($"/Members/{id}"); // already theirs to see: no emergency needed
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var userId = User.UserId();
        var startOfToday = clock.StartOfTodayUtc;
        var grantsToday = await db.EmergencyAccesses.CountAsync(e => e.UserId == userId && e.RequestedAt >= startOfToday, cancellationToken);
        var grant = EmergencyAccess.Request(userId, id, Input.Category!.Value, Input.Reason!.Trim(), clock.UtcNow, grantsToday);
        db.EmergencyAccesses.Add(grant);
        var awaiting = grant.Approval == EmergencyApproval.Awaiting;
        audit.Add(awaiting ? AuditAction.EmergencyAccessRequested : AuditAction.EmergencyAccessGranted, AuditOutcome.Success, id);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, awaiting ? "/Members/Emergency?awaitingApproval=true" : $"/Members/{id}", cancellationToken));
    }

    public sealed class EmergencyRequest
    {
        public string? PlanMemberId { get; set; }

        public EmergencyCategory? Category { get; set; }

        public string? Reason { get; set; }

        public bool UnderstandsAudit { get; set; }
    }

    public sealed class EmergencyRequestValidator : AbstractValidator<EmergencyRequest>
    {
        public EmergencyRequestValidator()
        {
            RuleFor(r => r.PlanMemberId).NotEmpty().WithMessage("Enter the member ID from the ID card.")
                .Matches("^[A-Za-z0-9-]{4,20}$").WithMessage("A member ID is 4 to 20 letters or digits, as printed on the ID card.");
            RuleFor(r => r.Category).NotNull().WithMessage("Choose the kind of emergency.")
                .IsInEnum().WithMessage("Choose the kind of emergency from the list.");
            RuleFor(r => r.Reason).NotEmpty().WithMessage("Describe the emergency: what is happening and why you need this record now.")
                .Must(r => r!.Trim().Length >= 20).WithMessage("Describe the emergency in at least 20 characters.")
                .MaximumLength(500).WithMessage("Keep the reason under 500 characters.")
                .When(r => !string.IsNullOrWhiteSpace(r.Reason));
            RuleFor(r => r.UnderstandsAudit).Equal(true).WithMessage("Confirm that you understand this access is audited and reviewed.");
        }
    }
}
