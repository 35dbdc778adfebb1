using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Audit;

/// <summary>
/// The audit trail for administrators and privacy officers: filter by user, member, action, outcome and dates; page
/// back through it; export it; and see every emergency ("break the glass") access. Reading the trail is itself audited.
/// </summary>
public sealed class IndexModel(CareDbContext db, AuditTrail audit, PlanClock clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    /// <summary>The plan member ID typed in the member filter: posted, then turned into an internal id for the URL.</summary>
    [BindProperty]
    public string? PlanMemberId { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public IReadOnlyList<(string Id, string Email)> Users { get; private set; } = [];

    public IReadOnlyList<EmergencyRow> Emergencies { get; private set; } = [];

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public Dictionary<string, string> ExportQuery => Filter.QueryValues(Filter.Member);

    public Dictionary<string, string>? OlderQuery => NextBefore is { } next ? Filter.QueryValues(Filter.Member, next) : null;

    public string? MemberNotFound { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filtered = Filter.Apply(db, clock.PlanZone);
        if (Filter.Before is { } before)
        {
            filtered = filtered.Where(a => a.Id < before);
        }

        var page = await filtered.OrderByDescending(a => a.Id).Take(PageSize + 1).Named(db).ToListAsync(cancellationToken);
        Rows = page.Take(PageSize).ToList();
        NextBefore = page.Count > PageSize ? Rows[^1].Id : null;
        Users = [.. (await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.Email ?? u.Id))];
        var now = clock.UtcNow;
        Emergencies = await db.EmergencyAccesses.AsNoTracking().OrderByDescending(e => e.GrantedAt).Take(20)
            .Select(e => new EmergencyRow(
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault() ?? e.UserId,
                e.MemberId,
                db.Members.Where(m => m.Id == e.MemberId).Select(m => m.PlanMemberId).First(),
                e.Reason, e.GrantedAt, e.ExpiresAt, e.GrantedAt <= now && now < e.ExpiresAt))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.AuditTrailViewed, AuditOutcome.Success, Filter.Member, cancellationToken: cancellationToken);
    }

    /// <summary>Finds the member by plan member ID and shows their entries, keeping the ID itself out of the URL.</summary>
    public async Task<IActionResult> OnPostMemberAsync(CancellationToken cancellationToken)
    {
        var wanted = PlanMemberId?.Trim().ToUpperInvariant();
        var memberId = string.IsNullOrEmpty(wanted) ? null
            : await db.Members.Where(m => m.PlanMemberId == wanted).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(wanted) && memberId is null)
        {
            MemberNotFound = "No member has that member ID.";
            Filter = new AuditFilter();
            await OnGetAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage(Filter.QueryValues(memberId));
    }

    public sealed record EmergencyRow(string User, int MemberId, string PlanMemberId, string Reason, DateTime GrantedAt, DateTime ExpiresAt, bool Active);
}
