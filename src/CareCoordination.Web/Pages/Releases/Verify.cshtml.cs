using CareCoordination.Core;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// A second person checks a received release against its scanned form, element by element, and verifies it (from then on
/// the consent gate may release under it) or refuses with a reason the recorder reads. The privacy office verifies any
/// release; the practitioner holding a member's psychotherapy notes may verify an authorization for them; nobody named as
/// recipient, and nobody who recorded it, ever does.
/// </summary>
public sealed class VerifyModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    PlanClock clock,
    SubmissionGuard submissions,
    ProtectedContentRelease protectedContent,
    IValidator<VerifyModel.Refusal> refusalValidator) : PageModel
{
    [BindProperty]
    public List<string> Attested { get; set; } = [];

    [BindProperty]
    public Refusal Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public ReleaseRow Release { get; private set; } = null!;

    public IReadOnlyList<ReleaseElement> Elements { get; private set; } = [];

    private Verifier Verifier { get; set; } = null!;

    /// <summary>Why this user may not verify this release; null when they may.</summary>
    public string? NotYours { get; private set; }

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

    public async Task<IActionResult> OnPostVerifyAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, releaseId, cancellationToken))
        {
            return NotFound();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        var missing = Elements.Where(e => !Attested.Contains(e.Code)).ToList();
        if (missing.Count > 0)
        {
            ModelState.AddModelError(nameof(Attested), missing.Count == Elements.Count
                ? "Tick each element once you have checked it on the signed form."
                : $"Not ticked: {string.Join(" ", missing.Select(e => e.Text))} A form that lacks an element is refused, with the reason, instead.");
        }

        return await ChangeAsync(release => release.Verify(Verifier, clock.UtcNow), AuditOutcome.Success, cancellationToken);
    }

    public async Task<IActionResult> OnPostRefuseAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, releaseId, cancellationToken))
        {
            return NotFound();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        (await refusalValidator.ValidateAsync(Input, cancellationToken)).ApplyTo(ModelState, nameof(Input));
        return await ChangeAsync(release => release.RefuseVerification(Verifier, clock.UtcNow, Input.Reason!.Trim()), AuditOutcome.Denied, cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Func<Release, DomainChange> change, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        if (NotYours is not null || !ModelState.IsValid)
        {
            return Page();
        }

        var release = await db.Releases.SingleAsync(r => r.Id == Release.Release.Id, cancellationToken);
        if (change(release) is { Done: false, Refusal: { } refusal })
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        audit.Add(AuditAction.ReleaseVerified, outcome, MemberId);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{MemberId}/Releases#release-{release.Id}", cancellationToken));
    }

    private async Task<bool> LoadAsync(int memberId, int releaseId, CancellationToken cancellationToken)
    {
        if (await db.OpenReleaseAsync(access, audit, User, memberId, releaseId, clock.Today, cancellationToken) is not { } opened)
        {
            return false;
        }

        (MemberId, MemberName, Release) = (memberId, opened.MemberName, opened.Release);
        Elements = ReleaseElements.For(Release.Release.Kind);
        Verifier = await protectedContent.VerifierAsync(User, memberId, cancellationToken);
        NotYours = Release.Release.WhyNotVerifiableBy(Verifier);
        return true;
    }

    public sealed class Refusal
    {
        /// <summary>What is wrong with the form, for whoever recorded it.</summary>
        public string? Reason { get; set; }
    }

    public sealed class RefusalValidator : AbstractValidator<Refusal>
    {
        public RefusalValidator() =>
            RuleFor(r => r.Reason).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Say what is wrong with the form, e.g. \"The signature does not match the member's on file\".")
                .MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
    }
}
