using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Account;

/// <summary>
/// The second step of signing in without the authenticator app: one of the ten recovery codes given when two-factor
/// was turned on. Each works once; wrong ones count towards the lockout.
/// </summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<CareUser> signInManager, IValidator<LoginWithRecoveryCodeModel.RecoveryCode> validator, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public RecoveryCode Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Account/Login");
        }

        var validation = await validator.ValidateAsync(Input);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        // The password is known to whoever is here; what is guessed now is the code, so it has its own count.
        if (!throttle.TryAdmitCode(user.Id))
        {
            await audit.RecordThrottledSignInAsync(user.Id);
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RecoveryCode.Code)}", FailedSignIns.CodeThrottledMessage);
            Input.Code = "";
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(Input.Normalised);
        if (result.Succeeded)
        {
            throttle.Forget(user.NormalizedEmail, user.Id);
            await audit.RecordAsync(AuditAction.SignInSucceeded, AuditOutcome.Success, userId: user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        await audit.RecordFailedSignInAsync(result, user.Id);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, FailedSignIns.LockedOutMessage);
        }
        else
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RecoveryCode.Code)}", "That recovery code is not right, or it was already used.");
        }

        Input.Code = "";
        return Page();
    }

    public sealed class RecoveryCode
    {
        public string? Code { get; set; }

        /// <summary>As Identity issues them: ten letters and digits in two groups of five, upper case, joined by a hyphen.</summary>
        public string Normalised
        {
            get
            {
                var characters = new string([.. (Code ?? "").Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
                return characters.Length == 10 ? $"{characters[..5]}-{characters[5..]}" : characters;
            }
        }
    }

    public sealed class RecoveryCodeValidator : AbstractValidator<RecoveryCode>
    {
        public RecoveryCodeValidator() =>
            RuleFor(c => c.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter one of your recovery codes.")
                .Must(code => code!.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-') && code!.Count(char.IsAsciiLetterOrDigit) == 10)
                .WithMessage("A recovery code is 10 letters and digits, like BCDFG-23456.");
    }
}
