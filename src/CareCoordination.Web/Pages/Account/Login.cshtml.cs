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
    IPasswordHasher<CareUser> hasher,
    SignInThrottle throttle,
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

        var email = Input.Email.Trim();
        var normalizedEmail = userManager.NormalizeEmail(email);
        var address = HttpContext.Connection.RemoteIpAddress;
        var user = await userManager.FindByEmailAsync(email);
        if (!throttle.TryAdmitPassword(normalizedEmail, address))
        {
            // Counted by email, whether or not an account has it, so a throttled answer says nothing about existence.
            await audit.RecordThrottledSignInAsync(user?.Id);
            return Refused();
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null || await userManager.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            // Identity checks no password here; hash this one anyway so the answer takes as long as for an account.
            hasher.VerifyHashedPassword(NoOne, UnknownAccountHash(), Input.Password);
            result = user is not null && await userManager.IsLockedOutAsync(user)
                ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
                : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.Succeeded)
        {
            throttle.PasswordWasRight(normalizedEmail, address);
            throttle.Forget(normalizedEmail, user!.Id);
            await audit.RecordAsync(AuditAction.SignInSucceeded, AuditOutcome.Success, userId: user.Id);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; the sign-in is recorded once the second factor is, which has its own throttle.
            throttle.PasswordWasRight(normalizedEmail, address);
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = SafeReturnUrl });
        }

        await audit.RecordFailedSignInAsync(result, user?.Id);
        return Refused();
    }

    /// <summary>One answer for every refusal: same status, same page, same words (see <see cref="FailedSignIns.PasswordStepMessage"/>).</summary>
    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, FailedSignIns.PasswordStepMessage);
        Input.Password = "";
        return Page();
    }

    private static readonly CareUser NoOne = new() { DisplayName = "" };

    // Made once per process with the app's own hasher, so it costs what a real account's hash costs (a race makes two; either serves).
    private static string? s_unknownAccountHash;

    private string UnknownAccountHash()
    {
        if (Volatile.Read(ref s_unknownAccountHash) is { } hash)
        {
            return hash;
        }

        hash = hasher.HashPassword(NoOne, Guid.NewGuid().ToString("N"));
        s_unknownAccountHash = hash;
        return hash;
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
