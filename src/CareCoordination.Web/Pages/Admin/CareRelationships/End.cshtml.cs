using CareCoordination.Core.Audit;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.CareRelationships;

/// <summary>Sets a care relationship's last day: after it, the practitioner can no longer open the member's record.</summary>
public sealed class EndModel(CareDbContext db, AuditTrail audit, SubmissionGuard submissions, PlanClock clock, IValidator<EndModel.Ending> validator) : PageModel
{
    [BindProperty]
    public Ending Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public Summary Relationship { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } relationship)
        {
            return NotFound();
        }

        var today = clock.Today;
        Input.LastDay = relationship.EndOn ?? (today < relationship.StartOn ? relationship.StartOn : today);
        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberSearched, AuditOutcome.Success, relationship.MemberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } relationship)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        var lastDay = Input.LastDay!.Value;
        if (lastDay < relationship.StartOn)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Ending.LastDay)}",
                $"The last day cannot be before the relationship started, on {Display.Date(relationship.StartOn)}.");
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        relationship.End(lastDay);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success, relationship.MemberId);
        Notice = $"The care relationship with {Relationship.Practitioner} ends on {Display.Date(lastDay)}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/CareRelationships", cancellationToken));
    }

    private async Task<CareRelationship?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var relationship = await db.CareRelationships.Include(r => r.Member).Include(r => r.Provider)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (relationship is not null)
        {
            Relationship = new Summary(relationship.Member.FullName, relationship.Member.PlanMemberId, relationship.Member.DateOfBirth,
                relationship.Provider.DisplayName, relationship.StartOn, relationship.EndOn);
        }

        return relationship;
    }

    public sealed record Summary(string Member, string PlanMemberId, DateOnly DateOfBirth, string Practitioner, DateOnly StartOn, DateOnly? EndOn);

    public sealed class Ending
    {
        public DateOnly? LastDay { get; set; }
    }

    public sealed class EndingValidator : AbstractValidator<Ending>
    {
        public EndingValidator() => RuleFor(e => e.LastDay).NotNull().WithMessage("Enter the last day of treatment.");
    }
}
