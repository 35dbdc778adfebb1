using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// A member's signed releases with their status today, and every disclosure of protected content made so far: where a
/// clinician checks what the member has permitted before asking for psychotherapy notes or Part 2 records.
/// </summary>
public sealed class IndexModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock, ProtectedContentRelease protectedContent) : PageModel
{
    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public IReadOnlyList<ReleaseRow> Releases { get; private set; } = [];

    public IReadOnlyList<DisclosureRow> Disclosures { get; private set; } = [];

    /// <summary>The releases the signed-in user may verify.</summary>
    public IReadOnlyList<int> Verifiable { get; private set; } = [];

    /// <summary>The releases the signed-in user recorded: a refusal to verify one is addressed to them.</summary>
    public IReadOnlyList<int> RecordedByViewer { get; private set; } = [];

    /// <summary>Only treating clinicians can be the recipient of protected content; care managers record and revoke releases.</summary>
    public bool CanRequestProtectedContent => User.IsInRole(CareRoles.Pcp) || User.IsInRole(CareRoles.BhClinician);

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        var name = await access.MembersWhoseReleasesOpenTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return NotFound();
        }

        (MemberId, MemberName) = (memberId, name);
        Releases = await db.ReleaseRowsAsync(memberId, clock.Today, cancellationToken);
        var verifier = await protectedContent.VerifierAsync(User, memberId, cancellationToken);
        Verifiable = [.. Releases.Where(r => r.Release.WhyNotVerifiableBy(verifier) is null).Select(r => r.Release.Id)];
        RecordedByViewer = [.. Releases.Where(r => r.Release.RecordedByUserId == verifier.UserId).Select(r => r.Release.Id)];
        var userId = User.UserId();
        Disclosures = await db.Disclosures.AsNoTracking().Where(d => d.MemberId == memberId)
            .OrderByDescending(d => d.DisclosedAt).ThenByDescending(d => d.Id)
            .Select(d => new DisclosureRow(
                d.Id,
                d.DisclosedAt,
                db.Providers.Where(p => p.Id == d.RecipientProviderId).Select(p => p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials)).FirstOrDefault() ?? "unknown recipient",
                d.Content,
                d.Description,
                d.Purpose,
                db.Releases.Where(r => r.Id == d.ReleaseId).Select(r => (ReleaseKind?)r.Kind).FirstOrDefault(),
                db.Releases.Where(r => r.Id == d.ReleaseId).Select(r => (DateOnly?)r.SignedOn).FirstOrDefault(),
                db.Users.Where(u => u.Id == d.DisclosedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "unknown user",
                d.DisclosedByUserId == userId))
            .ToListAsync(cancellationToken);

        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    /// <param name="RequestedByViewer">Whether the signed-in user asked for it, and so may have it shown again (through the gate).</param>
    public sealed record DisclosureRow(int Id, DateTime DisclosedAt, string Recipient, ProtectedContent Content, string Description, string Purpose,
        ReleaseKind? ReleaseKind, DateOnly? ReleaseSignedOn, string RequestedBy, bool RequestedByViewer)
    {
        /// <summary>The release it went under, or the medical emergency of 42 CFR 2.51.</summary>
        public string Under => ReleaseKind is { } kind ? $"{kind.Label()} signed {Display.Date(ReleaseSignedOn!.Value)}" : "a medical emergency (42 CFR 2.51)";
    }
}
