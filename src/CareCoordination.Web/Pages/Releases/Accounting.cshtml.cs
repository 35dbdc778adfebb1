using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// The accounting of disclosures a member may ask for (45 CFR 164.528): each disclosure of protected content over the
/// last six years, with its date, recipient, description and purpose, ready to print and hand over.
/// </summary>
public sealed class AccountingModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock) : PageModel
{
    public const int Years = 6;

    public string MemberName { get; private set; } = "";

    public string PlanMemberId { get; private set; } = "";

    public int MemberId { get; private set; }

    public DateOnly Since { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await access.MembersWhoseReleasesOpenTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { Name = m.GivenName + " " + m.FamilyName, m.PlanMemberId }).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            await audit.RecordAsync(AuditAction.DisclosuresAccounted, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return NotFound();
        }

        (MemberId, MemberName, PlanMemberId, Today) = (memberId, member.Name, member.PlanMemberId, clock.Today);
        Since = Today.AddYears(-Years);
        var from = clock.UtcNow.AddYears(-Years);
        Lines = await db.Disclosures.AsNoTracking().Where(d => d.MemberId == memberId && d.DisclosedAt >= from)
            .OrderBy(d => d.DisclosedAt).ThenBy(d => d.Id)
            .Select(d => new Line(d.DisclosedAt, d.Content,
                db.Providers.Where(p => p.Id == d.RecipientProviderId).Select(p => p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials)).First(),
                db.Providers.Where(p => p.Id == d.RecipientProviderId).Select(p => p.Ppg == null ? null : p.Ppg.Name).First(),
                d.Description, d.Purpose, d.ReleaseId, d.EmergencyAccessId))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.DisclosuresAccounted, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public sealed record Line(DateTime DisclosedAt, ProtectedContent Content, string Recipient, string? RecipientGroup, string Description, string Purpose, int? ReleaseId, int? EmergencyAccessId)
    {
        /// <summary>The consent it went under, or the medical emergency (42 CFR 2.51) when no consent was needed.</summary>
        public string Under => ReleaseId is { } release ? $"release #{release}" : $"medical emergency (42 CFR 2.51), grant #{EmergencyAccessId}";
    }
}
