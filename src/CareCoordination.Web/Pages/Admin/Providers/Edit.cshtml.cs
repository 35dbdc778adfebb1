using CareCoordination.Core.Audit;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Providers;

/// <summary>Changes a provider's directory entry.</summary>
public sealed class EditModel(CareDbContext db, AuditTrail audit, SubmissionGuard submissions, IValidator<ProviderInput> validator) : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>The version the form was opened at; a save from an older one is a conflict.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public EditConflict? Conflict { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string CurrentName { get; private set; } = "";

    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } provider)
        {
            return NotFound();
        }

        Input = ProviderInput.From(provider);
        SubmissionId = Guid.NewGuid();
        Version = provider.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } provider)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        var problems = await Input.DirectoryProblemsAsync(db, id, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (provider.Version != Version)
        {
            Conflict = EditConflict.Between(ProviderInput.From(provider).Described(Groups), Input.Described(Groups));
            // Saving again now means "mine wins", knowingly.
            Version = provider.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Input.ApplyTo(provider);
        provider.MarkEdited();
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Saved {provider.DisplayName}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Providers", cancellationToken));
    }

    private async Task<Provider?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (provider is not null)
        {
            CurrentName = provider.DisplayName;
            Groups = await ProviderChoices.GroupsAsync(db, cancellationToken);
        }

        return provider;
    }
}
