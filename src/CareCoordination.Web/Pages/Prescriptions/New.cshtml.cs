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

namespace CareCoordination.Web.Pages.Prescriptions;

/// <summary>
/// A BH prescriber starts a medication. The drug is matched to the psychotropic catalog (its codes are filled in), and
/// the start is recorded for the rules against the member's open orders: a new psychotropic is T1; clozapine, lithium or
/// esketamine also T3.
/// </summary>
public sealed class NewModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    PlanClock clock,
    ClinicalVocabulary vocabulary,
    IValidator<NewModel.Prescription> validator) : PageModel
{
    [BindProperty]
    public Prescription Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public PrescriptiveAuthority Authority { get; private set; } = null!;

    public IReadOnlyList<MedicationOrder> OpenOrders { get; private set; } = [];

    public IReadOnlyList<(string Name, PsychotropicIngredient Ingredient)> DrugNames => vocabulary.Psychotropics.TypeAheadNames;

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        if (!Authority.CanPrescribe)
        {
            return await this.RefuseAsync(audit, memberId, cancellationToken);
        }

        Input.StartOn = clock.Today;
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

        if (!Authority.CanPrescribe)
        {
            return await this.RefuseAsync(audit, memberId, cancellationToken);
        }

        // Model state also holds what could not be read at all (a malformed date), which the validator never sees.
        (await validator.ValidateAsync(Input, cancellationToken)).ApplyTo(ModelState, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var drug = Input.Drug!.Trim();
        var ingredient = vocabulary.Psychotropics.Match(null, null, drug);
        if (OpenOrders.FirstOrDefault(o => SameDrug(o, drug, ingredient)) is { } already)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Prescription.Drug)}",
                $"{already.DrugName} is already on the member's list: use Change dose on it instead.");
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var order = new MedicationOrder
        {
            MemberId = memberId,
            DrugName = drug,
            AtcCode = ingredient?.AtcCode,
            RxNormCode = ingredient is { RxNormCodes: [var rxNorm, ..] } ? rxNorm : null,
            Dose = Doses.Parse(Input.Dose),
            DoseUnit = Input.DoseUnit!,
            Frequency = Input.Frequency!.Value,
            StartOn = Input.StartOn!.Value,
            PrescriberId = User.ProviderIdOf()!.Value,
        };
        db.MedicationOrders.Add(order);
        var facts = new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, [.. OpenOrders.Select(MedicationFact.From)], MedicationFact.From(order), Stopped: null);
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, CoordinationEventKind.MedicationStarted, $"Started {drug} {order.Regimen()}", [facts], Input.SharingDiscussedWithMember),
            User.UserId(), User.ProviderIdOf(), cancellationToken);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Events/{recorded.Event.Id}", cancellationToken));
    }

    private bool SameDrug(MedicationOrder open, string drug, PsychotropicIngredient? ingredient) => ingredient is null
        ? string.Equals(open.DrugName, drug, StringComparison.OrdinalIgnoreCase)
        : vocabulary.Psychotropics.Match(open.RxNormCode, open.AtcCode, open.DrugName) == ingredient;

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
        Authority = await PrescriptiveAuthority.OfAsync(db, User, cancellationToken);
        OpenOrders = await db.MedicationOrders.AsNoTracking().OpenFor(memberId).OrderBy(o => o.DrugName).ToListAsync(cancellationToken);
        return true;
    }

    public sealed class Prescription : IRegimenInput
    {
        public string? Drug { get; set; }

        public string? Dose { get; set; }

        public string? DoseUnit { get; set; }

        public MedicationFrequency? Frequency { get; set; }

        public DateOnly? StartOn { get; set; }

        public bool SharingDiscussedWithMember { get; set; }
    }

    public sealed class PrescriptionValidator : AbstractValidator<Prescription>
    {
        /// <summary>How far from today a start may be dated: late entry of a recent start, or a planned one.</summary>
        public const int StartWindowDays = 30;

        public PrescriptionValidator(PlanClock clock)
        {
            RuleFor(p => p.Drug).NotEmpty().WithMessage("Enter the drug, like sertraline.")
                .MaximumLength(200).WithMessage("Keep the drug under 200 characters.");
            Include(new RegimenRules<Prescription>());
            RuleFor(p => p.StartOn).NotNull().WithMessage("Enter the start date.");
            RuleFor(p => p.StartOn).Must(start => Math.Abs(start!.Value.DayNumber - clock.Today.DayNumber) <= StartWindowDays)
                .WithMessage($"The start date must be within {StartWindowDays} days of today.")
                .When(p => p.StartOn is not null);
        }
    }
}
