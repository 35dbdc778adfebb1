using System.Globalization;
using System.Security.Claims;

namespace CareCoordination.Web.Identity;

public static class CareClaims
{
    public const string ProviderId = "care:provider_id";
    public const string DisplayName = "care:display_name";

    /// <summary>
    /// Present when the account has two-factor sign-in on. Turning it on or off changes the security stamp, so a
    /// session carrying a stale value ends on its next request (decision 0005).
    /// </summary>
    public const string TwoFactor = "care:two_factor";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in.");

    public static int? ProviderIdOf(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ProviderId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool HasTwoFactor(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == TwoFactor);

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
