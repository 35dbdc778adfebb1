using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<CareUser> signInManager, UserManager<CareUser> userManager, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes any copy of the session cookie worthless, not just the one this browser drops.
        if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        await audit.RecordAsync(AuditAction.SignedOut, AuditOutcome.Success);
        await signInManager.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
