using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// Records the member's written revocation of a release: when the member signed it and how it reached the plan
/// (45 CFR 164.508(b)(5); 42 CFR 2.31(a)(6)). Never under an emergency grant, which does not open the release forms. From then on
/// the consent gate refuses anything under it; disclosures already made stay on record.
/// </summary>
public sealed class RevokeModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    PlanClock clock,
    SubmissionGuard submissions,
    IValidator<RevokeModel.Revocation> validator) : PageModel
{
    [BindProperty]
    public Revocation Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public ReleaseRow Release { get; private set; } = null!;

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public bool AlreadyRevoked => Release.Status == ReleaseStatus.Revoked;

    public async Task<IActionResult> OnGetAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, releaseId, cancellationToken))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, releaseId, cancellationToken))
        {
            return NotFound();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        // Revoked by someone else since this form was opened: say so, and save nothing.
        if (AlreadyRevoked)
        {
            return Page();
        }

        if (Input.SignedOn < Release.Release.SignedOn)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Revocation.SignedOn)}", "The revocation cannot be signed before the release it revokes.");
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var release = await db.Releases.SingleAsync(r => r.Id == releaseId, cancellationToken);
        release.Revoke(clock.UtcNow, Input.Note!.Trim(), Input.SignedOn!.Value, User.UserId());
        audit.Add(AuditAction.ReleaseRevoked, AuditOutcome.Success, memberId);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Releases", cancellationToken));
    }

    private async Task<bool> LoadAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        if (await db.OpenReleaseAsync(access, audit, User, memberId, releaseId, clock.Today, cancellationToken) is not { } opened)
        {
            return false;
        }

        (MemberId, MemberName, Release) = (memberId, opened.MemberName, opened.Release);
        return true;
    }

    /// <summary>The member's written revocation: a revocation is the member's act, in writing (45 CFR 164.508(b)(5); 42 CFR 2.31(a)(6)).</summary>
    public sealed class Revocation
    {
        /// <summary>How the written revocation reached the plan (handed in at the clinic, by letter...), for the record.</summary>
        public string? Note { get; set; }

        /// <summary>The day the member, or their representative, signed the revocation.</summary>
        public DateOnly? SignedOn { get; set; }

        public bool InWritingFromTheMember { get; set; }
    }

    public sealed class RevocationValidator : AbstractValidator<Revocation>
    {
        public RevocationValidator(PlanClock clock)
        {
            ArgumentNullException.ThrowIfNull(clock);
            RuleFor(r => r.Note).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Say how the member revoked it, e.g. \"Revoked in writing at the clinic\".")
                .MaximumLength(500).WithMessage("Keep the note under 500 characters.");
            RuleFor(r => r.SignedOn).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the date the member signed the revocation.")
                .Must(day => day <= clock.Today).WithMessage("The revocation cannot be signed in the future.");
            RuleFor(r => r.InWritingFromTheMember).Equal(true)
                .WithMessage("A revocation is the member's act, in writing: confirm you hold the member's (or representative's) signed revocation.");
        }
    }
}
