using System.Text;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Pages.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238): set it up (a shared key, shown as text and as an
/// otpauth:// link; no QR code, so nothing leaves the app), confirm it with a code, receive ten recovery codes shown
/// once, get new ones, or turn it off. Turning it off, or new recovery codes, needs a current code. Each change signs
/// the account out of its other sessions (it changes the security stamp) and keeps this one.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TwoFactorModel(
    UserManager<CareUser> users,
    SignInManager<CareUser> signInManager,
    SubmissionGuard submissions,
    AuditTrail audit,
    IOptions<CareSignInOptions> options,
    IValidator<AuthenticatorCode> validator) : PageModel
{
    public const string Issuer = "CareCoordination";
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public AuthenticatorCode Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>New recovery codes, space-separated, carried once through the redirect after they are made.</summary>
    [TempData]
    public string? NewRecoveryCodes { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public bool IsOn { get; private set; }

    /// <summary>An administrator where the plan requires two-factor for administrators: it cannot be turned off.</summary>
    public bool IsRequired { get; private set; }

    /// <summary>The shared key in groups of four, while set-up is under way.</summary>
    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string> RecoveryCodesToShow => NewRecoveryCodes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private string CodeField => $"{nameof(Input)}.{nameof(AuthenticatorCode.Code)}";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    /// <summary>Creates the shared key. A post, not part of showing the page, because a new key changes the security stamp.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (IsOn || SharedKey is not null || await submissions.ClaimAsync(SubmissionId, cancellationToken) is not null)
        {
            return RedirectToPage();
        }

        Succeeded(await users.ResetAuthenticatorKeyAsync(user));
        await signInManager.RefreshSignInAsync(user);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Account/TwoFactor", cancellationToken));
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (IsOn || SharedKey is null || await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is not null)
        {
            return RedirectToPage();
        }

        if (!await CodeIsRightAsync(user, cancellationToken))
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
        NewRecoveryCodes = string.Join(' ', await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []);
        await signInManager.RefreshSignInAsync(user);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = "Two-factor sign-in is on. From now on you sign in with your password and a code from your app.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Account/TwoFactor", cancellationToken));
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (!IsOn || await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is not null)
        {
            return RedirectToPage();
        }

        if (!await CodeIsRightAsync(user, cancellationToken))
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        NewRecoveryCodes = string.Join(' ', await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = "New recovery codes made; the old ones no longer work.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Account/TwoFactor", cancellationToken));
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken cancellationToken)
    {
        var user = await LoadAsync();
        if (!IsOn || await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is not null)
        {
            return RedirectToPage();
        }

        if (IsRequired)
        {
            ModelState.AddModelError(string.Empty, "Administrators must keep two-factor sign-in on.");
            return Page();
        }

        if (!await CodeIsRightAsync(user, cancellationToken))
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Succeeded(await users.SetTwoFactorEnabledAsync(user, false));
        // A later set-up starts from a new key, so an old enrolment on a lost phone never works again.
        Succeeded(await users.ResetAuthenticatorKeyAsync(user));
        await signInManager.RefreshSignInAsync(user);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = "Two-factor sign-in is off. You sign in with your password alone.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Account/TwoFactor", cancellationToken));
    }

    /// <summary>The code is well formed and the app's current one; otherwise a message next to the field.</summary>
    private async Task<bool> CodeIsRightAsync(CareUser user, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Input.Digits))
        {
            ModelState.AddModelError(CodeField, "That code does not match, or it was already used. Check the app shows CareCoordination and enter the code it shows now.");
        }

        Input.Code = "";
        return ModelState.IsValid;
    }

    private async Task<CareUser> LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        IsOn = await users.GetTwoFactorEnabledAsync(user);
        IsRequired = options.Value.AdminsMustUseTwoFactor && User.IsInRole(CareRoles.Admin);
        RecoveryCodesLeft = IsOn ? await users.CountRecoveryCodesAsync(user) : 0;
        if (!IsOn && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key)
        {
            SharedKey = InGroupsOfFour(key);
            AuthenticatorUri = UriFor(await users.GetEmailAsync(user) ?? "", key);
        }

        return user;
    }

    public static string InGroupsOfFour(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString();
    }

    /// <summary>The Key Uri Format authenticator apps read: issuer and account as the label, SHA-1, 6 digits, 30 seconds.</summary>
    public static string UriFor(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>Checked before; a failure here is a race or a bug: stop, and the transaction saves nothing.</summary>
    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing two-factor sign-in failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
