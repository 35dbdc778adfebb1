using Microsoft.AspNetCore.Identity;

namespace CareCoordination.Web.Identity;

/// <summary>
/// Identity's authenticator (TOTP, RFC 6238) codes, each accepted once: a code seen over someone's shoulder or
/// replayed from a captured request is refused for as long as it would otherwise stay valid.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(UsedAuthenticatorCodes usedCodes) : AuthenticatorTokenProvider<CareUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<CareUser> manager, CareUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return await base.ValidateAsync(purpose, token, manager, user)
            && await usedCodes.TryUseAsync(await manager.GetUserIdAsync(user), token);
    }
}
