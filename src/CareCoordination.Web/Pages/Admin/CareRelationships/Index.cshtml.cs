using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.CareRelationships;

/// <summary>
/// Which BH practitioner treats which member, and since when: the relationships that decide whose records a BH clinician
/// may open. Only what managing them needs is shown (name, plan member ID, date of birth, practitioner, dates), and each
/// view is audited.
/// </summary>
public sealed class IndexModel(CareDbContext db, AuditTrail audit, PlanClock clock) : PageModel
{
    /// <summary>Whether relationships that ended before today are listed too.</summary>
    [BindProperty(SupportsGet = true)]
    public bool IncludeEnded { get; set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Row> Relationships { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        var today = Today;
        var relationships = db.CareRelationships.AsNoTracking();
        if (!IncludeEnded)
        {
            relationships = relationships.Where(r => r.EndOn == null || r.EndOn >= today);
        }

        Relationships = await relationships
            .OrderBy(r => r.Member.FamilyName).ThenBy(r => r.Member.GivenName).ThenBy(r => r.MemberId).ThenBy(r => r.StartOn)
            .Select(r => new Row(r.Id, r.Member.FamilyName + ", " + r.Member.GivenName, r.Member.PlanMemberId, r.Member.DateOfBirth,
                r.Provider.GivenName + " " + r.Provider.FamilyName + (r.Provider.Credentials == null ? "" : ", " + r.Provider.Credentials),
                r.StartOn, r.EndOn))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.MemberSearched, AuditOutcome.Success, cancellationToken: cancellationToken);
    }

    public sealed record Row(int Id, string Member, string PlanMemberId, DateOnly DateOfBirth, string Practitioner, DateOnly StartOn, DateOnly? EndOn)
    {
        public string Status(DateOnly today) =>
            StartOn > today ? "Starts " + Display.Date(StartOn)
            : EndOn < today ? "Ended"
            : "Active";
    }
}
