using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
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

namespace CareCoordination.Web.Pages.Assessments;

/// <summary>
/// A BH clinician's intake assessment: the diagnoses the member reports go onto the problem list, and for a member new
/// to this clinician the rules look for a comorbidity, a substance use disorder or a major mental illness (T2).
/// </summary>
public sealed class IntakeModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    PlanClock clock,
    ClinicalVocabulary vocabulary,
    IValidator<IntakeModel.Intake> validator) : PageModel
{
    public const int Rows = 10;

    [BindProperty]
    public Intake Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public PractitionerHistory History { get; private set; } = null!;

    public ProblemList ProblemList { get; private set; } = null!;

    public IReadOnlyList<Condition> ActiveConditions => [.. ProblemList.Conditions.Where(c => c.Status == ConditionStatus.Active)];

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        Input.Diagnoses = DiagnosisEntry.Padded([], Rows);
        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken cancellationToken)
    {
        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        // Model state also holds what could not be read at all (a malformed date), which the validator never sees.
        (await validator.ValidateAsync(Input, cancellationToken)).ApplyTo(ModelState, nameof(Input));
        Input.Diagnoses = DiagnosisEntry.Padded(Input.Diagnoses, Rows);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var providerId = User.ProviderIdOf()!.Value;
        var facts = new List<DiagnosisFact>();
        foreach (var row in Input.Diagnoses.Where(r => !r.IsBlank))
        {
            var description = row.DescriptionFrom(vocabulary.CommonDiagnoses);
            var change = ProblemList.Record(row.ParsedCode, description, row.OnsetOn, providerId, clock.UtcNow);
            // At intake a new member reports what they have; for an established member, what is new to the list is a change.
            facts.Add(new DiagnosisFact(row.ParsedCode, description, History.MemberIsNew ? DiagnosisChange.Unchanged : change));
        }

        var summary = DiagnosisForms.Fitted("Intake assessment: " + string.Join("; ", facts.Select(f => $"{f.Code} {f.Description}")));
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, CoordinationEventKind.Assessment, summary,
                [new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, History.MemberIsNew, facts)], Input.SharingDiscussedWithMember, Input.NoteText()),
            User.UserId(), providerId, cancellationToken);
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

        (MemberId, MemberName) = (memberId, member);
        History = await PractitionerHistory.OfAsync(db, clock, memberId, User.ProviderIdOf()!.Value, cancellationToken);
        ProblemList = await ProblemList.LoadAsync(db, memberId, cancellationToken);
        return true;
    }

    public sealed class Intake : ICoordinationInput
    {
        public List<DiagnosisEntry> Diagnoses { get; set; } = [];

        public bool SharingDiscussedWithMember { get; set; }

        public string? Note { get; set; }
    }

    public sealed class IntakeValidator : AbstractValidator<Intake>
    {
        public IntakeValidator(PlanClock clock, ClinicalVocabulary vocabulary)
        {
            RuleFor(i => i.Diagnoses).Must(rows => rows.Any(r => !r.IsBlank)).WithMessage("Enter at least one diagnosis.")
                .Must(rows => rows.Count(r => !r.IsBlank) <= Rows).WithMessage($"Enter at most {Rows} diagnoses.")
                .Must(rows => DiagnosisForms.Repeated(rows) is null).WithMessage(i => $"{DiagnosisForms.Repeated(i.Diagnoses)} is listed twice; enter each diagnosis once.");
            RuleForEach(i => i.Diagnoses).SetValidator(new DiagnosisEntryValidator(clock, vocabulary));
            RuleFor(i => i.Note).MaximumLength(CoordinationInput.NoteLength).WithMessage("Keep the note under 2,000 characters.");
        }
    }
}
