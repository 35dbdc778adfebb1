using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Account;

/// <summary>Where a role refusal is sent; the refusal itself was audited where it was refused (<see cref="Identity.AuditedRoleRefusals"/>).</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
