using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// A treating clinician asks for a member's psychotherapy notes or Part 2 SUD records, for themselves. The consent gate
/// decides: refused, the page says exactly what each release on file lacks and nothing is disclosed; allowed, the
/// disclosure is recorded and the clinician is sent to it (post-redirect-get), where the gate is asked again before the
/// notes show.
/// </summary>
[Authorize(Policy = CarePolicies.Clinicians)]
public sealed class RequestModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    PlanClock clock,
    SubmissionGuard submissions,
    ProtectedContentRelease protectedContent,
    IValidator<RequestModel.ProtectedContentAsk> validator) : PageModel
{
    [BindProperty]
    public ProtectedContentAsk Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public ProtectedContent Requested { get; private set; }

    /// <summary>The requester, who is the recipient: their name and physician group.</summary>
    public string Recipient { get; private set; } = "";

    /// <summary>Set after asking: refused (with reasons), or allowed with nothing on file to disclose.</summary>
    public ConsentRefusal? Refusal { get; private set; }

    public bool NothingOnFile { get; private set; }

    /// <summary>The open grant through which alone the requester sees this member: the emergency rules then apply.</summary>
    public EmergencyAccess? EmergencyOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(int memberId, ProtectedContent? content, CancellationToken cancellationToken)
    {
        if (User.ProviderIdOf() is null)
        {
            return Forbid();
        }

        if (!await LoadAsync(memberId, content, cancellationToken))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, ProtectedContent? content, CancellationToken cancellationToken)
    {
        if (User.ProviderIdOf() is not { } providerId)
        {
            return Forbid();
        }

        if (!await LoadAsync(memberId, content, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        var outcome = await protectedContent.RequestAsync(
            new ProtectedContentRequest(memberId, Requested, providerId, User.UserId(), Input.Purpose!.Trim(), SubmissionId, EmergencyOnly), cancellationToken);
        if (outcome.EarlierResult is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        if (outcome.Disclosure is { } disclosure)
        {
            return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Releases/Disclosures/{disclosure.Id}", cancellationToken));
        }

        NothingOnFile = outcome.Decision.Allowed;
        Refusal = outcome.Decision.Allowed ? null : new ConsentRefusal(memberId, Requested, outcome.Decision, await db.ReleaseRowsAsync(memberId, clock.Today, cancellationToken));
        return Page();
    }

    private async Task<bool> LoadAsync(int memberId, ProtectedContent? content, CancellationToken cancellationToken)
    {
        var name = await access.MembersVisibleTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (name is null || content is not (ProtectedContent.PsychotherapyNotes or ProtectedContent.SubstanceUseDisorderRecords or ProtectedContent.SudCounselingNotes))
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return false;
        }

        (MemberId, MemberName, Requested) = (memberId, name, content.Value);
        EmergencyOnly = await access.EmergencyOnlyAsync(User, memberId, cancellationToken);
        var providerId = User.ProviderIdOf();
        Recipient = await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials) + (p.Ppg == null ? "" : " (" + p.Ppg.Name + ")"))
            .SingleAsync(cancellationToken);
        return true;
    }

    public sealed class ProtectedContentAsk
    {
        /// <summary>Why the requester needs it; checked against nothing, but recorded with the disclosure.</summary>
        public string? Purpose { get; set; }
    }

    public sealed class ProtectedContentAskValidator : AbstractValidator<ProtectedContentAsk>
    {
        public ProtectedContentAskValidator() =>
            RuleFor(a => a.Purpose).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Say why you need them, e.g. \"Coordinate trauma-focused treatment with the member's therapist\".")
                .MaximumLength(500).WithMessage("Keep the purpose under 500 characters.");
    }
}
