using CareCoordination.Core.Audit;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Admin.Groups;

/// <summary>Adds a participating physician group to the directory.</summary>
public sealed class NewModel(CareDbContext db, AuditTrail audit, SubmissionGuard submissions, IValidator<GroupInput> validator) : PageModel
{
    [BindProperty]
    public GroupInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public void OnGet() => SubmissionId = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (await Input.NameConflictAsync(db, exceptGroupId: null, cancellationToken) is { } conflict)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(GroupInput.Name)}", conflict);
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var group = new ParticipatingPhysicianGroup { Name = Input.TrimmedName };
        Input.ApplyTo(group);
        db.Ppgs.Add(group);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Added {group.Name}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Groups", cancellationToken));
    }
}
