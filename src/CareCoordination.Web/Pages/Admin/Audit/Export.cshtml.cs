using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Audit;

/// <summary>The filtered audit trail as CSV (UTF-8, header row, spreadsheet-safe), oldest first; the export is audited.</summary>
public sealed class ExportModel(CareDbContext db, AuditTrail audit, PlanClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await Filter.Apply(db, clock.PlanZone).OrderBy(a => a.Id).Named(db).ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.AuditTrailViewed, AuditOutcome.Success, Filter.Member, cancellationToken: cancellationToken);
        string[] header = ["id", "occurred_at_utc", "user", "action", "content", "member_id", "outcome", "correlation_id"];
        var lines = rows.Select(r => CsvText.Row([
            r.Id.ToString(CultureInfo.InvariantCulture),
            r.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            r.User ?? r.UserId,
            r.Action.ToString(),
            r.Content?.ToString(),
            r.PlanMemberId,
            r.Outcome.ToString(),
            r.CorrelationId,
        ]));
        return File(CsvText.Utf8Document([CsvText.Row(header), .. lines]), "text/csv; charset=utf-8", $"audit-{clock.Today:yyyy-MM-dd}.csv");
    }
}
