using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Identity;

/// <summary>
/// An administrator without two-factor sign-in is sent to set it up, from every page but the account pages (sign out,
/// the set-up itself) and the error pages, until it is on. Runs as a global filter, before model binding and the
/// handler, so nothing else can be read or changed in the meantime.
/// </summary>
public sealed class AdministratorsUseTwoFactor(IOptions<CareSignInOptions> options) : IAuthorizationFilter
{
    public const string SetUpPage = "/Account/TwoFactor";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.HttpContext.User;
        if (!options.Value.AdminsMustUseTwoFactor || !user.IsInRole(CareRoles.Admin) || user.HasTwoFactor() || AllowedBeforeSetUp(context))
        {
            return;
        }

        context.Result = new RedirectToPageResult(SetUpPage);
    }

    private static bool AllowedBeforeSetUp(AuthorizationFilterContext context) =>
        context.ActionDescriptor is PageActionDescriptor page
        && (page.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal) || page.ViewEnginePath is "/Error" or "/StatusCode");
}
