using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Assessments;

/// <summary>
/// A BH clinician plans a procedure that needs a medical evaluation first (ECT, TMS): the PCP is asked for one (T3).
/// Drugs that need one (clozapine, lithium, esketamine) are started on the prescription page, which asks the same.
/// </summary>
public sealed class TreatmentModel(
    MemberAccess access,
    AuditTrail audit,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    ClinicalVocabulary vocabulary,
    IValidator<TreatmentModel.PlannedTreatment> validator) : PageModel
{
    [BindProperty]
    public PlannedTreatment Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public IReadOnlyList<MedicalEvaluationProcedure> Procedures => vocabulary.MedicalEvaluationTreatments.Procedures;

    /// <summary>The value a procedure has in the form: its code system and code, e.g. "cpt:90870".</summary>
    public static string KeyOf(MedicalEvaluationProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return $"{procedure.System}:{procedure.Code}";
    }

    public static string LabelOf(MedicalEvaluationProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return $"{procedure.Display} ({procedure.System.ToUpperInvariant()} {procedure.Code})";
    }

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
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var procedure = Procedures.Single(p => KeyOf(p) == Input.Procedure);
        var when = Input.PlannedOn is { } day ? " for " + day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) : "";
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, CoordinationEventKind.TreatmentPlan, $"Planned {procedure.Treatment.Label()}, {procedure.System.ToUpperInvariant()} {procedure.Code}{when}",
                [new TreatmentPlanned(ProviderKind.BehavioralHealthPractitioner, procedure.System, procedure.Code, procedure.Display)],
                Input.SharingDiscussedWithMember, Input.NoteText()),
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

        (MemberId, MemberName) = (memberId, member);
        return true;
    }

    public sealed class PlannedTreatment : ICoordinationInput
    {
        public string? Procedure { get; set; }

        public DateOnly? PlannedOn { get; set; }

        public bool SharingDiscussedWithMember { get; set; }

        public string? Note { get; set; }
    }

    public sealed class PlannedTreatmentValidator : AbstractValidator<PlannedTreatment>
    {
        /// <summary>How far ahead a treatment may be planned here; later plans are recorded nearer the time.</summary>
        public const int HorizonDays = 365;

        public PlannedTreatmentValidator(PlanClock clock, ClinicalVocabulary vocabulary)
        {
            RuleFor(t => t.Procedure).Must(key => vocabulary.MedicalEvaluationTreatments.Procedures.Any(p => KeyOf(p) == key))
                .WithMessage("Choose the treatment from the list.");
            RuleFor(t => t.PlannedOn).GreaterThanOrEqualTo(_ => clock.Today).WithMessage("The planned date cannot be in the past.")
                .LessThanOrEqualTo(_ => clock.Today.AddDays(HorizonDays)).WithMessage("Plan at most a year ahead.");
            RuleFor(t => t.Note).MaximumLength(CoordinationInput.NoteLength).WithMessage("Keep the note under 2,000 characters.");
        }
    }
}
