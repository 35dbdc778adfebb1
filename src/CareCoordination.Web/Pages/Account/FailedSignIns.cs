using CareCoordination.Core.Audit;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CareCoordination.Web.Pages.Account;

/// <summary>What every sign-in step (password, authenticator code, recovery code) does when it is refused.</summary>
public static class FailedSignIns
{
    /// <summary>
    /// The password step's one answer for an unknown email, a wrong password, a locked account and a throttled attempt:
    /// anything more would tell a stranger which emails have accounts.
    /// </summary>
    public const string PasswordStepMessage =
        "The email or password is not right, or this account cannot sign in right now. Check both and try again in a few minutes; if it still fails, ask an administrator.";

    /// <summary>At the code step the password was right, so saying why is safe.</summary>
    public const string LockedOutMessage =
        "This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it.";

    public const string CodeThrottledMessage =
        "Too many codes in a row. Wait a moment, then enter the code shown now.";

    /// <summary>A lockout is recorded as a denial, anything else as a failure.</summary>
    public static Task RecordFailedSignInAsync(this AuditTrail audit, SignInResult result, string? userId)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(result);
        return audit.RecordAsync(AuditAction.SignInFailed, result.IsLockedOut ? AuditOutcome.Denied : AuditOutcome.Failure, userId: userId);
    }

    /// <summary>An attempt the throttle refused, unchecked: a denial, like a lockout.</summary>
    public static Task RecordThrottledSignInAsync(this AuditTrail audit, string? userId)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return audit.RecordAsync(AuditAction.SignInFailed, AuditOutcome.Denied, userId: userId);
    }
}
