using System.Security.Claims;
using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Identity;

/// <summary>
/// Ends a session on its next request once its user's security stamp has changed (a role or provider change, a lock,
/// signing out everywhere). Identity's own validator re-issues the whole sign-in and so runs only every 30 minutes;
/// this asks one small question per request.
/// </summary>
public static class SessionStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var current = await services.GetRequiredService<CareDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => u.SecurityStamp).ToListAsync(context.HttpContext.RequestAborted);
        if (current.Count == 0 || current[0] != context.Principal.FindFirstValue(stampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
