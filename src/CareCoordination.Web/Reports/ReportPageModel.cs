using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Reports;

/// <summary>
/// What every report page shares: the filters from the query string, checked; the PPGs to choose from; and who may see
/// the member lists. Care managers see the members behind the numbers; administrators (supervisors) see the numbers only,
/// since their role opens no clinical records (<see cref="MemberAccess"/>).
/// </summary>
public abstract class ReportPageModel(CareDbContext db, PlanClock clock, IValidator<ReportFilter> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportFilter Filter { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Ppgs { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public TimeZoneInfo PlanZone => clock.PlanZone;

    protected CareDbContext Db => db;

    /// <summary>False when the filters were refused: the page shows them with their errors and no numbers.</summary>
    public bool FiltersValid { get; private set; }

    public bool MayListMembers => User.IsInRole(CareRoles.CareManager);

    public Dictionary<string, string> FilterQuery => Filter.QueryValues();

    public string? PpgName => Filter.Ppg is { } ppg ? Ppgs.FirstOrDefault(p => p.Id == ppg).Name : null;

    /// <summary>Checks the filters and, when they hold, fills in the default dates.</summary>
    protected async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        Ppgs = [.. (await db.Ppgs.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
            .Select(g => (g.Id, g.Name))];
        if (ModelState.IsValid)
        {
            (await validator.ValidateAsync(Filter, cancellationToken)).ApplyTo(ModelState, nameof(Filter));
            if (Filter.Ppg is { } ppg && Ppgs.All(p => p.Id != ppg))
            {
                ModelState.AddModelError($"{nameof(Filter)}.{nameof(ReportFilter.Ppg)}", "Choose a PPG from the list.");
            }
        }

        FiltersValid = ModelState.IsValid;
        if (FiltersValid)
        {
            Filter = Filter.WithDefaultDates(Today);
        }

        return FiltersValid;
    }
}
