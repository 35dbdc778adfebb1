using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Identity;

/// <summary>
/// Identity's user manager with lockout timed by the app's <see cref="TimeProvider"/>. Identity 10 reads
/// <c>DateTimeOffset.UtcNow</c> directly when it locks an account and when it asks whether one is locked (TimeProvider
/// reaches the user manager only in .NET 11), so without this the lock would follow a different clock from the rest of
/// the app, and no test could step through the 15-minute window.
/// </summary>
public sealed class CareUserManager(
    IUserStore<CareUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<CareUser> passwordHasher,
    IEnumerable<IUserValidator<CareUser>> userValidators,
    IEnumerable<IPasswordValidator<CareUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<CareUser>> logger,
    TimeProvider clock)
    : UserManager<CareUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(CareUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await GetLockoutEnabledAsync(user)
            && await GetLockoutEndDateAsync(user) is { } lockoutEnd
            && lockoutEnd >= clock.GetUtcNow();
    }

    /// <summary>
    /// As Identity's: count the failure, and at the limit lock for the configured span and start counting again. Unlike
    /// Identity's, the lock also ends the account's open sessions (a new security stamp, decision 0005), as an
    /// administrator's lock does: whoever holds one may be the person guessing.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(CareUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var lockouts = Store as IUserLockoutStore<CareUser> ?? throw new NotSupportedException("The user store does not support lockout.");
        var failures = await lockouts.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures < Options.Lockout.MaxFailedAccessAttempts)
        {
            return await UpdateUserAsync(user);
        }

        await lockouts.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
        await lockouts.ResetAccessFailedCountAsync(user, CancellationToken);
        return await UpdateSecurityStampAsync(user);
    }
}
