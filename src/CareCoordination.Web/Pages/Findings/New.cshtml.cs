using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Findings;

/// <summary>
/// A PCP records a suspected psychiatric or substance use problem found during a medical exam, and what happens next:
/// a referral to a BH practitioner, a request for help from BH Provider Services, or routine self-referral.
/// </summary>
public sealed class NewModel(
    CareDbContext db,
    MemberAccess access,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    ClinicalVocabulary vocabulary,
    AuditTrail audit,
    IValidator<NewModel.Finding> validator) : PageModel
{
    [BindProperty]
    public Finding Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public string MemberName { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> BhPractitioners { get; private set; } = [];

    public IReadOnlyList<(Icd10CmCode Code, string Description)> Diagnoses => vocabulary.CommonDiagnoses.Entries;

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        if (Input.NextStep == NextStep.ReferToBhPractitioner && BhPractitioners.All(p => p.Id != Input.ReferToProviderId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Finding.ReferToProviderId)}", "Choose a BH practitioner from the list.");
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.Sex }).SingleAsync(cancellationToken);
        var referredTo = Input.NextStep == NextStep.ReferToBhPractitioner
            ? BhPractitioners.Single(p => p.Id == Input.ReferToProviderId).Name
            : null;
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, CoordinationEventKind.Finding, Input.Summary(referredTo), Input.Facts(member.Sex), Input.SharingDiscussedWithMember, Input.NoteText),
            User.UserId(), User.ProviderIdOf(), cancellationToken);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Events/{recorded.Event.Id}", cancellationToken));
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await access.MembersInCareOf(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return false;
        }

        MemberName = member;
        BhPractitioners = [.. (await db.Providers.AsNoTracking().Where(p => p.Kind == ProviderKind.BehavioralHealthPractitioner)
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName + ", " + p.Credentials })
            .ToListAsync(cancellationToken)).Select(p => (p.Id, p.Name))];
        return true;
    }

    public enum FindingCategory
    {
        Depression,
        Anxiety,
        Psychosis,
        Bipolar,
        SubstanceUse,
        SuicidalIdeation,
        Other,
    }

    public enum Substance
    {
        Alcohol,
        Opioids,
        Cannabis,
        Stimulants,
        Sedatives,
        Tobacco,
        Other,
    }

    public enum NextStep
    {
        ReferToBhPractitioner,
        AskBhProviderServices,
        Routine,
    }

    public sealed class Finding
    {
        public FindingCategory? Category { get; set; }

        public Substance? Substance { get; set; }

        public string? Icd10Code { get; set; }

        public int? Phq9 { get; set; }

        public int? Phq9Item9 { get; set; }

        public int? Gad7 { get; set; }

        public int? AuditC { get; set; }

        public int? Dast10 { get; set; }

        public string? Note { get; set; }

        public NextStep? NextStep { get; set; }

        public int? ReferToProviderId { get; set; }

        public bool NeedsSpecializedHelp { get; set; }

        public bool SharingDiscussedWithMember { get; set; }

        public string? NoteText => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

        public IReadOnlyList<ClinicalEvent> Facts(AdministrativeSex sex)
        {
            var code = Icd10CmCode.TryParse(Icd10Code, out var parsed) ? parsed : null;
            var finding = new PcpFindingRecorded(ProviderKind.PrimaryCarePhysician, sex, code,
                new ScreeningResults(Phq9, Phq9Item9, Gad7, AuditC, Dast10), Category == FindingCategory.SuicidalIdeation);
            return NextStep switch
            {
                Findings.NewModel.NextStep.ReferToBhPractitioner => [finding, new ReferralMade(ProviderKind.PrimaryCarePhysician, ToBehavioralHealth: true, NeedsSpecializedHelp)],
                Findings.NewModel.NextStep.AskBhProviderServices => [finding, new ReferralMade(ProviderKind.PrimaryCarePhysician, ToBehavioralHealth: true, NeedsSpecializedHelp: true)],
                _ => [finding],
            };
        }

        /// <summary>The timeline line: what was suspected, the scores, and the next step.</summary>
        public string Summary(string? referredTo)
        {
            var what = Category switch
            {
                FindingCategory.SubstanceUse => $"Suspected {Substance?.ToString().ToLowerInvariant() ?? "substance"} use problem",
                FindingCategory.SuicidalIdeation => "Suicidal ideation reported",
                FindingCategory.Other => "Suspected psychiatric problem",
                { } category => $"Suspected {category.ToString().ToLowerInvariant()}",
                null => "Finding",
            };
            string?[] parts =
            [
                what,
                string.IsNullOrWhiteSpace(Icd10Code) ? null : Icd10Code.Trim().ToUpperInvariant(),
                Phq9 is null ? null : $"PHQ-9 {Phq9}" + (Phq9Item9 is null ? "" : $" (item 9: {Phq9Item9})"),
                Phq9 is null && Phq9Item9 is not null ? $"PHQ-9 item 9: {Phq9Item9}" : null,
                Gad7 is null ? null : $"GAD-7 {Gad7}",
                AuditC is null ? null : $"AUDIT-C {AuditC}",
                Dast10 is null ? null : $"DAST-10 {Dast10}",
                NextStep switch
                {
                    Findings.NewModel.NextStep.ReferToBhPractitioner => $"referred to {referredTo}",
                    Findings.NewModel.NextStep.AskBhProviderServices => "asked BH Provider Services for help",
                    _ => "routine: member to call Member Services",
                },
            ];
            return string.Join("; ", parts.Where(p => p is not null));
        }
    }

    public sealed class FindingValidator : AbstractValidator<Finding>
    {
        public FindingValidator()
        {
            RuleFor(f => f.Category).NotNull().WithMessage("Choose what you suspect.").IsInEnum();
            RuleFor(f => f.Substance).NotNull().WithMessage("Choose the substance.").IsInEnum().When(f => f.Category == FindingCategory.SubstanceUse);
            RuleFor(f => f.Icd10Code).Must(code => Icd10CmCode.TryParse(code, out _))
                .WithMessage("Enter an ICD-10-CM code like F32.1, or leave it empty.")
                .When(f => !string.IsNullOrWhiteSpace(f.Icd10Code));
            Score(f => f.Phq9, "PHQ-9", 27);
            Score(f => f.Phq9Item9, "PHQ-9 item 9", 3);
            Score(f => f.Gad7, "GAD-7", 21);
            Score(f => f.AuditC, "AUDIT-C", 12);
            Score(f => f.Dast10, "DAST-10", 10);
            RuleFor(f => f.Phq9Item9).LessThanOrEqualTo(f => f.Phq9).WithMessage("Item 9 cannot be more than the PHQ-9 total.")
                .When(f => f.Phq9 is not null && f.Phq9Item9 is not null);
            RuleFor(f => f.Note).MaximumLength(2000).WithMessage("Keep the note under 2,000 characters.");
            RuleFor(f => f.NextStep).NotNull().WithMessage("Choose what happens next.").IsInEnum();
            RuleFor(f => f.ReferToProviderId).NotNull().WithMessage("Choose the BH practitioner you are referring to.")
                .When(f => f.NextStep == NextStep.ReferToBhPractitioner);
        }

        private void Score(System.Linq.Expressions.Expression<Func<Finding, int?>> score, string name, int max) =>
            RuleFor(score).InclusiveBetween(0, max).WithMessage($"{name} is a score from 0 to {max}.");
    }
}
