using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace CareCoordination.Web.Identity;

/// <summary>
/// When the session check itself fails (the database is down), the person must still get the error page. Thrown from
/// the cookie handler, the failure would be cached with the request's authentication and thrown again while the error
/// page renders; so the session is refused for this request, and the failure is thrown just after authentication,
/// where the exception handler shows the error page to someone signed out.
/// </summary>
public static class SessionCheckFailure
{
    private static readonly object Key = new();

    public static Func<CookieValidatePrincipalContext, Task> Guard(Func<CookieValidatePrincipalContext, Task> check) => async context =>
    {
        try
        {
            await check(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.RejectPrincipal();
            context.HttpContext.Items[Key] = ExceptionDispatchInfo.Capture(exception);
        }
    };

    /// <summary>Goes right after <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseSessionCheckFailures(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IExceptionHandlerFeature>() is null && context.Items[Key] is ExceptionDispatchInfo failure)
        {
            failure.Throw();
        }

        await next(context);
    });
}
