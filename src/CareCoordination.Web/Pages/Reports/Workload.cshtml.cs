using System.Globalization;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Reports;
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
/// Care manager workload: the open queue now, per assignee (and unassigned), with how much is overdue or urgent and how
/// long the oldest task has waited. The dates do not apply; the PPG, rule and priority do. Staff are listed, not members.
/// </summary>
[Authorize(Roles = CareRoles.CareManager + "," + CareRoles.Admin)]
public sealed class WorkloadModel(CareDbContext db, PlanClock clock, IValidator<ReportFilter> validator) : ReportPageModel(db, clock, validator)
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await PrepareAsync(cancellationToken))
        {
            Rows = await RowsAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return BadRequest();
        }

        string[] header = ["assignee", "open_tasks", "overdue", "urgent", "oldest_task_age_days"];
        var rows = (await RowsAsync(cancellationToken)).Select(r => (IReadOnlyList<string?>)[r.Assignee ?? "Unassigned",
            r.Open.ToString(CultureInfo.InvariantCulture), r.Overdue.ToString(CultureInfo.InvariantCulture),
            r.Urgent.ToString(CultureInfo.InvariantCulture), r.OldestAgeDays.ToString(CultureInfo.InvariantCulture)]);
        return new CsvDownload($"care-manager-workload-{ReportFormat.IsoDate(Today)}.csv", header, rows.ToAsyncEnumerable());
    }

    private async Task<List<Row>> RowsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var groups = await Filter.Apply(Db.CoordinationTasks.AsNoTracking())
            .WhereOpen()
            .GroupBy(t => t.AssigneeUserId)
            .Select(g => new
            {
                AssigneeUserId = g.Key,
                Name = Db.Users.Where(u => u.Id == g.Key).Select(u => u.DisplayName).FirstOrDefault(),
                Open = g.Count(),
                Overdue = g.Count(t => t.DueOn < today),
                Urgent = g.Count(t => t.Priority == Priority.Urgent),
                Oldest = g.Min(t => t.CreatedAt),
            })
            .ToListAsync(cancellationToken);
        return [.. groups
            .Select(g => new Row(g.AssigneeUserId is null ? null : g.Name ?? "Former user", g.Open, g.Overdue, g.Urgent,
                today.DayNumber - PlanDays.DayOf(g.Oldest, PlanZone).DayNumber))
            .OrderBy(r => r.Assignee is null ? 0 : 1).ThenByDescending(r => r.Open).ThenBy(r => r.Assignee, StringComparer.CurrentCulture)];
    }

    /// <summary>One assignee's open work (null: unassigned); the oldest task's age in plan days since it was created.</summary>
    public sealed record Row(string? Assignee, int Open, int Overdue, int Urgent, int OldestAgeDays);
}
