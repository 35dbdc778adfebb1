using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Admin.Providers;

/// <summary>Adds a provider to the directory: a PCP, another medical provider, or a BH practitioner.</summary>
public sealed class NewModel(CareDbContext db, AuditTrail audit, SubmissionGuard submissions, IValidator<ProviderInput> validator) : PageModel
{
    [BindProperty]
    public ProviderInput Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<(int Id, string Name)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Groups = await ProviderChoices.GroupsAsync(db, cancellationToken);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Groups = await ProviderChoices.GroupsAsync(db, cancellationToken);
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

        var problems = await Input.DirectoryProblemsAsync(db, providerId: null, cancellationToken);
        if (problems.Count > 0)
        {
            foreach (var (field, message) in problems)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var provider = Input.ToNewProvider();
        db.Providers.Add(provider);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Added {provider.DisplayName}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Providers", cancellationToken));
    }
}
