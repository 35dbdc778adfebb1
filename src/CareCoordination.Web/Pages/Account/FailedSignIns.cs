using CareCoordination.Core.Audit;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CareCoordination.Web.Pages.Account;

/// <summary>What every sign-in step (password, authenticator code, recovery code) does when it is refused.</summary>
public static class FailedSignIns
{
    public const string LockedOutMessage =
        "This account is locked after too many failed attempts. Try again in 15 minutes, or ask an administrator to unlock it.";

    /// <summary>A lockout is recorded as a denial, anything else as a failure.</summary>
    public static Task RecordFailedSignInAsync(this AuditTrail audit, SignInResult result, string? userId)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(result);
        return audit.RecordAsync(AuditAction.SignInFailed, result.IsLockedOut ? AuditOutcome.Denied : AuditOutcome.Failure, userId: userId);
    }
}
