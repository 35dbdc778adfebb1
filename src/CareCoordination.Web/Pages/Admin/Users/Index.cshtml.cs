using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Users;

/// <summary>Everyone who can sign in, by name: their role, the provider they sign in as, and whether they are locked out.</summary>
public sealed class IndexModel(CareDbContext db, PlanClock clock) : PageModel
{
    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, role) => role.Name).FirstOrDefault(),
                Provider = db.Providers.Where(p => p.Id == u.ProviderId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // SQLite cannot compare DateTimeOffset values, so "locked" is decided here.
        var now = clock.UtcNow;
        Accounts = [.. accounts.Select(a => new Row(a.Id, a.DisplayName, a.Email ?? "", a.Role is null ? "none" : AccountRoles.Label(a.Role), a.Provider,
            a.LockoutEnd is { } end && end.UtcDateTime > now))];
    }

    public sealed record Row(string Id, string DisplayName, string Email, string Role, string? Provider, bool Locked);
}
