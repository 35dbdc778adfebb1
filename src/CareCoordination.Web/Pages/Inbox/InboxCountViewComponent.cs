using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Inbox;

/// <summary>The number of coordination messages waiting for the signed-in PCP, for the navigation bar.</summary>
public sealed class InboxCountViewComponent(CareDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var waiting = UserClaimsPrincipal.ProviderIdOf() is { } pcpId
            ? await db.InboxMessages.CountAsync(m => m.RecipientProviderId == pcpId && m.AcknowledgedAt == null)
            : 0;
        return View(waiting);
    }
}
