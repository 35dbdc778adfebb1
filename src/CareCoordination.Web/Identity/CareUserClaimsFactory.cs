using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Identity;

/// <summary>Puts the user's directory entry, display name and two-factor state in the sign-in cookie, so pages need no lookup.</summary>
public sealed class CareUserClaimsFactory(
    UserManager<CareUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<CareUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CareUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CareClaims.DisplayName, user.DisplayName));
        if (user.ProviderId is { } providerId)
        {
            identity.AddClaim(new Claim(CareClaims.ProviderId, providerId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(CareClaims.TwoFactor, "on"));
        }

        return identity;
    }
}
