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
/// The second step of signing in for an account with two-factor on: the password was right (Identity holds that in a
/// short-lived cookie of its own), and the code from the authenticator app completes the sign-in. Wrong codes count
/// towards the same lockout as wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<CareUser> signInManager, IValidator<AuthenticatorCode> validator, AuditTrail audit, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public AuthenticatorCode Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // Five minutes after the password step, or without it, there is nothing to complete: start again.
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
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AuthenticatorCode.Code)}", FailedSignIns.CodeThrottledMessage);
            Input.Code = "";
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(Input.Digits, isPersistent: false, rememberClient: false);
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
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AuthenticatorCode.Code)}",
                "That code is not right, or it was already used. Enter the code your app shows now.");
        }

        Input.Code = "";
        return Page();
    }
}
