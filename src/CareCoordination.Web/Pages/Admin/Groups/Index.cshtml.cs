using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Groups;

/// <summary>The plan's participating physician groups, by name, with how many providers and members each has.</summary>
public sealed class IndexModel(CareDbContext db) : PageModel
{
    public IReadOnlyList<Row> Groups { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = await db.Ppgs.AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, g.Phone, g.Fax,
                db.Providers.Count(p => p.PpgId == g.Id), db.Members.Count(m => m.PpgId == g.Id)))
            .ToListAsync(cancellationToken);

    public sealed record Row(int Id, string Name, string? Phone, string? Fax, int Providers, int Members);
}
