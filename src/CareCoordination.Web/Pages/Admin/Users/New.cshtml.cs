using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Admin.Users;

/// <summary>
/// Creates an account with one role and an initial password the administrator hands over. PCP and BH clinician
/// accounts sign in as their directory entry, which decides whose records they see.
/// </summary>
public sealed class NewModel(
    CareDbContext db,
    UserManager<CareUser> users,
    AuditTrail audit,
    SubmissionGuard submissions,
    IValidator<NewModel.NewAccount> validator) : PageModel
{
    [BindProperty]
    public NewAccount Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Providers = ProviderLinks.Options(await ProviderLinks.ChoicesAsync(db, cancellationToken));
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Providers = ProviderLinks.Options(await ProviderLinks.ChoicesAsync(db, cancellationToken));
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

        var email = Input.Email!.Trim();
        var account = new CareUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Input.DisplayName!.Trim(),
            ProviderId = Input.ProviderId,
        };
        if (!await CheckAsync(account, cancellationToken))
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Succeeded(await users.CreateAsync(account, Input.Password!));
        Succeeded(await users.AddToRoleAsync(account, Input.Role!));
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Added {account.DisplayName} ({AccountRoles.Label(Input.Role!)}). Give them the initial password through a separate channel.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Users", cancellationToken));
    }

    /// <summary>
    /// Everything CreateAsync would refuse, asked first with Identity's own validators so that each message sits next to
    /// its field and the submission is claimed only once the account can be created.
    /// </summary>
    private async Task<bool> CheckAsync(CareUser account, CancellationToken cancellationToken)
    {
        var emailField = $"{nameof(Input)}.{nameof(NewAccount.Email)}";
        if (await users.FindByEmailAsync(account.Email!) is not null)
        {
            ModelState.AddModelError(emailField, "An account with this email already exists. Edit that account instead.");
        }
        else
        {
            foreach (var userValidator in users.UserValidators)
            {
                AddErrors(await userValidator.ValidateAsync(users, account), emailField);
            }
        }

        foreach (var passwordValidator in users.PasswordValidators)
        {
            AddErrors(await passwordValidator.ValidateAsync(users, account, Input.Password), $"{nameof(Input)}.{nameof(NewAccount.Password)}");
        }

        if (await ProviderLinks.ProblemAsync(db, Input, userId: null, cancellationToken) is { } linkProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(NewAccount.ProviderId)}", linkProblem);
        }

        return ModelState.IsValid;
    }

    /// <summary>All of a validator's complaints as one message: a field shows one message, and each may matter.</summary>
    private void AddErrors(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            ModelState.AddModelError(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Checked just before, so a failure here is a race or a bug: stop, and the transaction saves nothing.</summary>
    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Creating the account failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    public sealed class NewAccount : IAccountFields
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Role { get; set; }

        public int? ProviderId { get; set; }

        public string? Password { get; set; }
    }

    public sealed class NewAccountValidator : AbstractValidator<NewAccount>
    {
        public NewAccountValidator()
        {
            RuleFor(a => a.Email).NotEmpty().WithMessage("Enter the person's work email; it is how they sign in.")
                .EmailAddress().WithMessage("Enter an email address like name@clinic.org.")
                .MaximumLength(254).WithMessage("An email address is at most 254 characters.");
            Include(new AccountFieldsValidator());
            RuleFor(a => a.Password).NotEmpty().WithMessage("Enter an initial password.")
                .MaximumLength(200).WithMessage("A password is at most 200 characters.");
        }
    }
}
