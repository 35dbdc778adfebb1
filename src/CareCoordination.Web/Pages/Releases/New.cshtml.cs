using System.Security.Cryptography;
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
/// Records a release the member (or their personal representative) signed on paper, every element the form carries, with
/// the scanned form itself: a PDF, PNG or JPEG of at most 10 MB, recognised by its content and kept with its SHA-256. It is
/// received, awaiting verification: nothing is released under it until someone else has checked it (see <see cref="VerifyModel"/>).
/// </summary>
[RequestSizeLimit(NewModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = NewModel.RequestLimit)]
[TurnBackOversizeUploads(NewModel.RequestLimit)]
public sealed class NewModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    PlanClock clock,
    SubmissionGuard submissions,
    IValidator<NewModel.SignedRelease> validator) : PageModel
{
    /// <summary>
    /// What the server reads of a post: three times the largest accepted scan (about the server's usual ceiling), so that a
    /// scan that is too big still arrives and is refused next to its field with the rest of the form kept. Anything bigger
    /// is turned back unread, to an empty form that says why.
    /// </summary>
    public const long RequestLimit = 3 * SignedDocumentFormat.MaxBytes;

    public const string UploadTooLargeMessage =
        "The file you chose was far larger than 10 MB, so the form could not be received. Fill it in again and choose a smaller scan (a PDF, or a lower resolution).";

    [BindProperty]
    public SignedRelease Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> Providers { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Ppgs { get; private set; } = [];

    /// <summary>Set when the form comes back for corrections: browsers never re-fill a file input, so the scan must be chosen again.</summary>
    public bool ChooseFileAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        Input.SignedBy = SignerKind.Member;
        if (TempData[TurnBackOversizeUploadsAttribute.TempDataKey] is true)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SignedRelease.SignedDocument)}", UploadTooLargeMessage);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        ChooseFileAgain = true;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        if (Input.RecipientProviderId is { } providerId && Providers.All(p => p.Id != providerId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SignedRelease.RecipientProviderId)}", "Choose a provider from the directory.");
            return Page();
        }

        if (Input.RecipientPpgId is { } ppgId && Ppgs.All(g => g.Id != ppgId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SignedRelease.RecipientPpgId)}", "Choose a PPG from the directory.");
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var release = Input.ToRelease(memberId, User.UserId(), clock.UtcNow);
        db.Releases.Add(release);
        await db.SaveChangesAsync(cancellationToken);
        var content = await Input.ReadDocumentAsync(cancellationToken);
        db.ReleaseDocuments.Add(new ReleaseDocument
        {
            ReleaseId = release.Id,
            // What the bytes are, never what the browser or the file name claims.
            ContentType = SignedDocumentFormat.DetectContentType(content)!,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = clock.UtcNow,
        });
        audit.Add(AuditAction.ReleaseRecorded, AuditOutcome.Success, memberId);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Releases", cancellationToken));
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken cancellationToken)
    {
        var name = await access.MembersWhoseReleasesOpenTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return false;
        }

        (MemberId, MemberName) = (memberId, name);
        Providers = [.. (await db.Providers.AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Credentials, Ppg = p.Ppg == null ? null : p.Ppg.Name })
            .ToListAsync(cancellationToken))
            .Select(p => (p.Id, $"{p.FamilyName}, {p.GivenName}{(p.Credentials is null ? "" : ", " + p.Credentials)}{(p.Ppg is null ? "" : " (" + p.Ppg + ")")}"))];
        Ppgs = [.. (await db.Ppgs.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken)).Select(g => (g.Id, g.Name))];
        return true;
    }

    public sealed class SignedRelease
    {
        public ReleaseKind? Kind { get; set; }

        public List<ReleasedInformation> Information { get; set; } = [];

        public string? InformationDescription { get; set; }

        public string? AuthorizedDiscloser { get; set; }

        public int? RecipientProviderId { get; set; }

        public int? RecipientPpgId { get; set; }

        public string? Purpose { get; set; }

        public bool CoversTreatmentPaymentAndOperations { get; set; }

        public DateOnly? EffectiveOn { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public string? ExpirationEvent { get; set; }

        public DateOnly? SignedOn { get; set; }

        public SignerKind? SignedBy { get; set; }

        public string? SignerName { get; set; }

        public string? RepresentativeAuthority { get; set; }

        public IFormFile? SignedDocument { get; set; }

        /// <summary>The release as received: it awaits verification by someone else before anything is released under it.</summary>
        public Release ToRelease(int memberId, string recordedByUserId, DateTime recordedAt) => new()
        {
            MemberId = memberId,
            RecordedByUserId = recordedByUserId,
            RecordedAt = recordedAt,
            Kind = Kind!.Value,
            Information = ReleasedInformationFacts.Combine(Information),
            InformationDescription = InformationDescription!.Trim(),
            AuthorizedDiscloser = AuthorizedDiscloser!.Trim(),
            RecipientProviderId = RecipientProviderId,
            RecipientPpgId = RecipientPpgId,
            Purpose = Purpose!.Trim(),
            CoversTreatmentPaymentAndOperations = CoversTreatmentPaymentAndOperations,
            EffectiveOn = EffectiveOn!.Value,
            ExpiresOn = ExpiresOn,
            ExpirationEvent = string.IsNullOrWhiteSpace(ExpirationEvent) ? null : ExpirationEvent.Trim(),
            SignedOn = SignedOn!.Value,
            SignedBy = SignedBy!.Value,
            SignerName = SignerName!.Trim(),
            RepresentativeAuthority = SignedBy == SignerKind.PersonalRepresentative ? RepresentativeAuthority!.Trim() : null,
        };

        public async Task<byte[]> ReadDocumentAsync(CancellationToken cancellationToken)
        {
            await using var stream = SignedDocument!.OpenReadStream();
            using var buffer = new MemoryStream((int)SignedDocument.Length);
            await stream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        public async Task<bool> IsAcceptedFormatAsync(CancellationToken cancellationToken)
        {
            var leading = new byte[8];
            await using var stream = SignedDocument!.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(leading, leading.Length, throwOnEndOfStream: false, cancellationToken);
            return SignedDocumentFormat.DetectContentType(leading.AsSpan(0, read)) is not null;
        }
    }

    public sealed class SignedReleaseValidator : AbstractValidator<SignedRelease>
    {
        public SignedReleaseValidator(PlanClock clock)
        {
            ArgumentNullException.ThrowIfNull(clock);
            RuleFor(r => r.Kind).NotNull().WithMessage("Choose the kind of release.").IsInEnum();
            RuleFor(r => r.Information).NotEmpty().WithMessage("Tick the information the release names.");
            RuleFor(r => r.Information).Must(i => i.Contains(ReleasedInformation.PsychotherapyNotes))
                .WithMessage("A psychotherapy-notes authorization must name psychotherapy notes.")
                .When(r => r.Kind == ReleaseKind.PsychotherapyNotesAuthorization && r.Information.Count > 0);
            RuleFor(r => r.Information).Must(i => i.Contains(ReleasedInformation.SubstanceUseDisorderRecords))
                .WithMessage("A Part 2 consent must name Part 2 SUD records.")
                .When(r => r.Kind == ReleaseKind.SubstanceUseDisorderConsent && r.Information.Count > 0);
            RuleFor(r => r.Information).Must(i => i.Count == 1 && i[0] == ReleasedInformation.SudCounselingNotes)
                .WithMessage("A consent for SUD counseling notes names those notes alone (42 CFR 2.31(b)).")
                .When(r => r.Kind == ReleaseKind.SudCounselingNotesConsent && r.Information.Count > 0);
            Text(r => r.InformationDescription, 1000, "Describe the information in the form's own words.");
            Text(r => r.AuthorizedDiscloser, 300, "Name who may disclose it: a person, or a class of persons.");
            RuleFor(r => r.RecipientProviderId).NotNull().WithMessage("Choose the recipient: a provider, or a PPG.").When(r => r.RecipientPpgId is null);
            RuleFor(r => r.RecipientPpgId).Null().WithMessage("Choose a provider or a PPG, not both.").When(r => r.RecipientProviderId is not null);
            Text(r => r.Purpose, 500, "State the purpose the form gives.");
            RuleFor(r => r.CoversTreatmentPaymentAndOperations).Equal(false)
                .WithMessage("Only a Part 2 consent can cover treatment, payment and health care operations.")
                .When(r => r.Kind != ReleaseKind.SubstanceUseDisorderConsent);
            RuleFor(r => r.SignedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the date it was signed.")
                .Must(day => day <= clock.Today).WithMessage("The signing date cannot be in the future.");
            RuleFor(r => r.EffectiveOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Enter the date it takes effect.")
                .Must((r, day) => r.SignedOn is null || day >= r.SignedOn).WithMessage("A release cannot take effect before it was signed.");
            RuleFor(r => r.ExpiresOn).NotNull().WithMessage("Enter an expiration date, an expiration event, or both.")
                .When(r => string.IsNullOrWhiteSpace(r.ExpirationEvent));
            RuleFor(r => r.ExpiresOn).Must((r, day) => day >= r.EffectiveOn).WithMessage("It cannot expire before it takes effect.")
                .When(r => r.ExpiresOn is not null && r.EffectiveOn is not null);
            RuleFor(r => r.ExpirationEvent).MaximumLength(300).WithMessage("Keep the expiration event under 300 characters.");
            RuleFor(r => r.SignedBy).NotNull().WithMessage("Say who signed: the member, or a personal representative.").IsInEnum();
            Text(r => r.SignerName, 200, "Enter the signer's name as signed.");
            RuleFor(r => r.RepresentativeAuthority).NotEmpty()
                .WithMessage("Record the authority the representative acts under, e.g. parent of a minor or health care power of attorney.")
                .When(r => r.SignedBy == SignerKind.PersonalRepresentative);
            RuleFor(r => r.RepresentativeAuthority).MaximumLength(300).WithMessage("Keep the authority under 300 characters.");
            RuleFor(r => r.SignedDocument).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Attach the signed form: a PDF, PNG or JPEG scan.")
                .Must(file => file!.Length > 0).WithMessage("The file is empty. Choose the signed scan.")
                .Must(file => file!.Length <= SignedDocumentFormat.MaxBytes)
                .WithMessage("The file is larger than 10 MB. Scan it at a lower resolution, or as a PDF, and choose it again.")
                .MustAsync((r, _, cancellationToken) => r.IsAcceptedFormatAsync(cancellationToken))
                .WithMessage("The file is not a PDF, PNG or JPEG: its content was checked, not its name. Choose the signed scan.");
        }

        private void Text(System.Linq.Expressions.Expression<Func<SignedRelease, string?>> field, int max, string required) =>
            RuleFor(field).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(required)
                .MaximumLength(max).WithMessage($"Keep it under {max} characters.");
    }
}
