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
/// "Break the glass": a PCP or BH clinician opens the record of a member outside their care, in an emergency. They give
/// the member ID and a reason; access lasts four hours; the grant and every read are audited and shown to administrators.
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

    public void OnGet() => SubmissionId = Guid.NewGuid();

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

        db.EmergencyAccesses.Add(EmergencyAccess.Grant(User.UserId(), id, Input.Reason!.Trim(), clock.UtcNow));
        audit.Add(AuditAction.EmergencyAccessGranted, AuditOutcome.Success, id);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{id}", cancellationToken));
    }

    public sealed class EmergencyRequest
    {
        public string? PlanMemberId { get; set; }

        public string? Reason { get; set; }

        public bool UnderstandsAudit { get; set; }
    }

    public sealed class EmergencyRequestValidator : AbstractValidator<EmergencyRequest>
    {
        public EmergencyRequestValidator()
        {
            RuleFor(r => r.PlanMemberId).NotEmpty().WithMessage("Enter the member ID from the ID card.")
                .Matches("^[A-Za-z0-9-]{4,20}$").WithMessage("A member ID is 4 to 20 letters or digits, as printed on the ID card.");
            RuleFor(r => r.Reason).NotEmpty().WithMessage("Say why you need this record now.")
                .Must(r => r!.Trim().Length >= 20).WithMessage("Describe the emergency in at least 20 characters.")
                .MaximumLength(500).WithMessage("Keep the reason under 500 characters.")
                .When(r => !string.IsNullOrWhiteSpace(r.Reason));
            RuleFor(r => r.UnderstandsAudit).Equal(true).WithMessage("Confirm that you understand this access is audited and reviewed.");
        }
    }
}
