using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Providers;

public static class ProviderChoices
{
    /// <summary>The groups a provider can belong to, by name.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name)>> GroupsAsync(CareDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. (await db.Ppgs.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
            .Select(g => (g.Id, g.Name))];
    }
}
