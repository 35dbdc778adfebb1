using CareCoordination.Core.Audit;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Account;

public sealed class AccessDeniedModel(AuditTrail audit) : PageModel
{
    public async Task OnGetAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await audit.RecordAsync(AuditAction.AccessDenied, AuditOutcome.Denied);
    }
}
