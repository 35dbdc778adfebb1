using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Identity;

/// <summary>
/// Ends a session a fixed time after sign-in, however active it stays. The cookie's own expiry slides with every
/// request, so the sign-in time is kept beside it in the ticket's properties, which survive sliding renewals, the
/// periodic security-stamp refresh and <c>RefreshSignInAsync</c>; a fresh sign-in starts with fresh properties.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtItem = ".care.signed_in_at";

    public static Task MarkSignInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items.TryAdd(SignedInAtItem, now.ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    /// <summary>False, with the session rejected and its cookie removed, once the absolute limit has passed (or the ticket has no sign-in time).</summary>
    public static async Task<bool> ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var limit = services.GetRequiredService<IOptions<CareSignInOptions>>().Value.AbsoluteSessionLimit;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (SignedInAt(context.Properties) is { } signedInAt && now - signedInAt < limit)
        {
            return true;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }

    private static DateTimeOffset? SignedInAt(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(SignedInAtItem, out var value)
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedInAt)
            ? signedInAt
            : null;
}
