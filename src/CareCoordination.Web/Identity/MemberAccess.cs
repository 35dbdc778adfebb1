using System.Security.Claims;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Identity;

/// <summary>
/// The one place that decides whose records a user may open. Care managers work the whole plan's queue; a PCP sees
/// their own panel; a BH clinician sees members they are actively treating; anyone else (administrators included)
/// sees no clinical records. A PCP or BH clinician may also hold a time-limited emergency grant ("break the glass") for a
/// member outside their care: it lets them read the record, never change it or open its release forms.
/// </summary>
public sealed class MemberAccess(CareDbContext db, PlanClock clock)
{
    /// <summary>The user's open emergency grant for this member, when that is how they see the record.</summary>
    public Task<EmergencyAccess?> EmergencyGrantAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        return db.EmergencyAccesses.AsNoTracking().Where(EmergencyAccess.ActiveAt(clock.UtcNow))
            .Where(e => e.UserId == userId && e.MemberId == memberId)
            .OrderByDescending(e => e.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The open grant through which alone the user sees this member's record; null when the record is in their care.</summary>
    public async Task<EmergencyAccess?> EmergencyOnlyAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        var grant = await EmergencyGrantAsync(user, memberId, cancellationToken);
        return grant is null || await MembersInCareOf(user).AnyAsync(m => m.Id == memberId, cancellationToken) ? null : grant;
    }

    /// <summary>Whether every member is visible to the user, so a plan-wide list needs no per-member filter.</summary>
    public static bool SeesWholePlan(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(CareRoles.CareManager);
    }

    /// <summary>Members whose record the user may read: those in their care, and those they hold an open emergency grant for.</summary>
    public IQueryable<Member> MembersVisibleTo(ClaimsPrincipal user) => Members(user, withEmergencyGrants: true);

    /// <summary>Members whose record the user may add to or change: in their care; an emergency grant is read-only.</summary>
    public IQueryable<Member> MembersInCareOf(ClaimsPrincipal user) => Members(user, withEmergencyGrants: false);

    /// <summary>
    /// Members whose releases the user may see, record and revoke: those in their care, and every member for the privacy
    /// office. Never under an emergency grant, which must not be a way to put a release on file or take one off.
    /// </summary>
    public IQueryable<Member> MembersWhoseReleasesOpenTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(CareRoles.PrivacyOfficer) ? db.Members : MembersInCareOf(user);
    }

    private IQueryable<Member> Members(ClaimsPrincipal user, bool withEmergencyGrants)
    {
        if (SeesWholePlan(user))
        {
            return db.Members;
        }

        var providerId = user.ProviderIdOf();
        var asPcp = user.IsInRole(CareRoles.Pcp) && providerId is not null;
        var asBh = user.IsInRole(CareRoles.BhClinician) && providerId is not null;
        var today = clock.Today;
        var userId = user.UserId();
        var openGrants = db.EmergencyAccesses.Where(EmergencyAccess.ActiveAt(clock.UtcNow)).Where(e => e.UserId == userId);
        var withGrants = withEmergencyGrants && (asPcp || asBh);
        return db.Members.Where(m =>
            (asPcp && m.PcpId == providerId) ||
            (asBh && db.CareRelationships.ActiveOn(today).Any(r => r.MemberId == m.Id && r.ProviderId == providerId)) ||
            (withGrants && openGrants.Any(e => e.MemberId == m.Id)));
    }
}
