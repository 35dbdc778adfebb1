using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Providers;

/// <summary>The provider directory, by family name, with each provider's group and the account that signs in as them.</summary>
public sealed class IndexModel(CareDbContext db) : PageModel
{
    public IReadOnlyList<Row> Providers { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Providers = await db.Providers.AsNoTracking()
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.FamilyName + ", " + p.GivenName, p.Credentials, p.Npi, p.Kind, p.Discipline, p.CanPrescribe, p.IsPart2Program,
                p.Ppg == null ? null : p.Ppg.Name, db.Users.Where(u => u.ProviderId == p.Id).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    public sealed record Row(int Id, string Name, string? Credentials, Npi Npi, ProviderKind Kind, BhDiscipline? Discipline, bool CanPrescribe, bool IsPart2Program, string? Group, string? Account);
}
