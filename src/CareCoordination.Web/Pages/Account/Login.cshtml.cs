using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Account;

public sealed class LoginModel(
    SignInManager<CareUser> signInManager,
    UserManager<CareUser> userManager,
    IValidator<LoginModel.Credentials> validator,
    AuditTrail audit,
    IWebHostEnvironment environment) : PageModel
{
    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool ShowDemoUsers => environment.IsDevelopment();

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditAction.SignInSucceeded, AuditOutcome.Success, userId: user!.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; the sign-in is recorded once the second factor is.
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl });
        }

        await audit.RecordFailedSignInAsync(result, user?.Id);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? FailedSignIns.LockedOutMessage
            : "The email or password is not right. Check both and try again.");
        Input.Password = "";
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class Credentials
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    public sealed class CredentialsValidator : AbstractValidator<Credentials>
    {
        public CredentialsValidator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your work email.")
                .EmailAddress().WithMessage("Enter an email address like name@clinic.org.")
                .MaximumLength(254);
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(200);
        }
    }
}
