using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Identity;

/// <summary>Puts the user's directory entry and display name in the sign-in cookie, so pages need no lookup to scope queries.</summary>
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

        return identity;
    }
}
