using CareCoordination.Core.Audit;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Groups;

/// <summary>Changes a participating physician group's name and numbers.</summary>
public sealed class EditModel(CareDbContext db, AuditTrail audit, SubmissionGuard submissions, IValidator<GroupInput> validator) : PageModel
{
    [BindProperty]
    public GroupInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>The version the form was opened at; a save from an older one is a conflict.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        Input = GroupInput.From(group);
        SubmissionId = Guid.NewGuid();
        Version = group.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        if (await Input.NameConflictAsync(db, exceptGroupId: id, cancellationToken) is { } conflict)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(GroupInput.Name)}", conflict);
            return Page();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (group.Version != Version)
        {
            Conflict = EditConflict.Between(GroupInput.From(group).Described(), Input.Described());
            // Saving again now means "mine wins", knowingly.
            Version = group.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Input.ApplyTo(group);
        group.MarkEdited();
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Saved {group.Name}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Groups", cancellationToken));
    }

    private async Task<ParticipatingPhysicianGroup?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var group = await db.Ppgs.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        CurrentName = group?.Name ?? "";
        return group;
    }
}
