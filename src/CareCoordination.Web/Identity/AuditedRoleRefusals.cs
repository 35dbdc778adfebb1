using CareCoordination.Core.Audit;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CareCoordination.Web.Identity;

/// <summary>
/// Audits a role refusal (a signed-in user on a folder their role may not reach) where authorization refuses it, so it
/// is on record whether or not the client follows the redirect to the access-denied page; then answers as usual.
/// </summary>
public sealed class AuditedRoleRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            await context.RequestServices.GetRequiredService<AuditTrail>()
                .RecordAsync(AuditAction.AccessDenied, AuditOutcome.Denied, cancellationToken: context.RequestAborted);
        }

        await _answer.HandleAsync(next, context, policy, authorizeResult);
    }
}
