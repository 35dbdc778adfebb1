using System.Globalization;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Reports;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Reports;

/// <summary>
/// Exchange of information (NCQA coordination standards): of the events that raised a coordination flag in the range, how
/// many reached their recipient, and how many the recipient acknowledged. Contacted: the PCP was sent the coordination
/// message, or a care manager logged a contact attempt on one of the event's tasks. Acknowledged: the PCP acknowledged the
/// message, or a contact attempt reached the recipient. Counts only: no member is listed.
/// </summary>
[Authorize(Roles = CareRoles.CareManager + "," + CareRoles.Admin)]
public sealed class ExchangeModel(CareDbContext db, PlanClock clock, IValidator<ReportFilter> validator) : ReportPageModel(db, clock, validator)
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Row Total { get; private set; } = new(null, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken))
        {
            await ComputeAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return BadRequest();
        }

        await ComputeAsync(cancellationToken);
        string[] header = ["rule", "rule_name", "flagged_events", "recipient_contacted", "contacted_and_acknowledged", "acknowledged_percent"];
        return new CsvDownload($"exchange-of-information-{ReportFormat.IsoDate(Today)}.csv", header, Rows.Append(Total).Select(row => (IReadOnlyList<string?>)
        [
            row.Trigger?.RuleId() ?? "ALL",
            row.Trigger?.Label() ?? "All flagged events",
            row.Events.ToString(CultureInfo.InvariantCulture),
            row.Contacted.ToString(CultureInfo.InvariantCulture),
            row.Acknowledged.ToString(CultureInfo.InvariantCulture),
            row.Events == 0 ? "" : (100d * row.Acknowledged / row.Events).ToString("0.0", CultureInfo.InvariantCulture),
        ]).ToAsyncEnumerable());
    }

    private async Task ComputeAsync(CancellationToken cancellationToken)
    {
        var (start, end) = Filter.Instants(PlanZone);
        // The flags carry how far their event's coordination got, so the counts read the flags of the range and nothing else.
        var flags = Filter.Apply(Db.CoordinationFlags.AsNoTracking(), Db).Where(f => f.OccurredAt >= start && f.OccurredAt < end);

        // Each event once per rule it raised, though a rule may have fired on it more than once.
        var byRule = await flags.GroupBy(f => new { f.Trigger, f.EventId })
            .Select(g => new { g.Key.Trigger, Contacted = g.Max(f => f.RecipientContactedAt) != null, Acknowledged = g.Max(f => f.RecipientAcknowledgedAt) != null })
            .GroupBy(e => e.Trigger)
            .Select(g => new Row(g.Key, g.Count(), g.Count(e => e.Contacted), g.Count(e => e.Acknowledged)))
            .ToListAsync(cancellationToken);
        var trigger = Filter.Trigger;
        Rows = [.. Enum.GetValues<CoordinationTrigger>().Where(t => t.IsFlaggedByARule() && (trigger is null || t == trigger))
            .Select(t => byRule.SingleOrDefault(r => r.Trigger == t) ?? new Row(t, 0, 0, 0))];

        var all = await flags.GroupBy(f => f.EventId)
            .Select(g => new { Contacted = g.Max(f => f.RecipientContactedAt) != null, Acknowledged = g.Max(f => f.RecipientAcknowledgedAt) != null })
            .GroupBy(e => new { e.Contacted, e.Acknowledged })
            .Select(g => new { g.Key.Contacted, g.Key.Acknowledged, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Total = new Row(null, all.Sum(g => g.Count), all.Where(g => g.Contacted).Sum(g => g.Count), all.Where(g => g.Acknowledged).Sum(g => g.Count));
    }

    /// <summary>One rule's flagged events (null: every flagged event once), contacted, and acknowledged.</summary>
    public sealed record Row(CoordinationTrigger? Trigger, int Events, int Contacted, int Acknowledged);
}
