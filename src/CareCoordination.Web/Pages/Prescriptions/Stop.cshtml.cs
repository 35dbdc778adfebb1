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

/// <summary>A BH prescriber stops an open order, with the reason; stopping a psychotropic is a discontinuation (T1).</summary>
public sealed class StopModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    PlanClock clock,
    ClinicalVocabulary vocabulary,
    IValidator<StopModel.Discontinuation> validator) : PageModel
{
    [BindProperty]
    public Discontinuation Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public PrescriptiveAuthority Authority { get; private set; } = null!;

    public MedicationOrder Order { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int memberId, int orderId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, orderId, cancellationToken))
        {
            return NotFound();
        }

        if (!Authority.CanPrescribe)
        {
            return await this.RefuseAsync(audit, memberId, cancellationToken);
        }

        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, int orderId, CancellationToken cancellationToken)
    {
        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (!await LoadAsync(memberId, orderId, cancellationToken))
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

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var activeBefore = await db.MedicationOrders.AsNoTracking().OpenFor(memberId).ToListAsync(cancellationToken);
        var reason = Input.Reason!.Trim();
        Order.StopBefore(clock.Today, reason);

        var name = vocabulary.Psychotropics.Match(Order.RxNormCode, Order.AtcCode, Order.DrugName)?.Name ?? Order.DrugName;
        var facts = new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, [.. activeBefore.Select(MedicationFact.From)],
            Started: null, MedicationFact.From(Order), reason);
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, CoordinationEventKind.Prescription, $"Stopped {name} {Order.Regimen()}", [facts], Input.SharingDiscussedWithMember),
            User.UserId(), User.ProviderIdOf(), cancellationToken);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Events/{recorded.Event.Id}", cancellationToken));
    }

    /// <summary>The member, and their open order; a stopped order or another member's is not found.</summary>
    private async Task<bool> LoadAsync(int memberId, int orderId, CancellationToken cancellationToken)
    {
        var member = await access.MembersInCareOf(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        var order = member is null ? null : await db.MedicationOrders.OpenFor(memberId).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (member is null || order is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return false;
        }

        (MemberId, MemberName, Order) = (memberId, member, order);
        Authority = await PrescriptiveAuthority.OfAsync(db, User, cancellationToken);
        return true;
    }

    public sealed class Discontinuation
    {
        public string? Reason { get; set; }

        public bool SharingDiscussedWithMember { get; set; }
    }

    public sealed class DiscontinuationValidator : AbstractValidator<Discontinuation>
    {
        public DiscontinuationValidator() =>
            RuleFor(d => d.Reason).NotEmpty().WithMessage("Say why the medication is stopping.")
                .MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
    }
}
