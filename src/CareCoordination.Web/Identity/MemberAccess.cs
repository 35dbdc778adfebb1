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
/// member outside their care.
/// </summary>
public sealed class MemberAccess(CareDbContext db, PlanClock clock)
{
    /// <summary>The user's unexpired emergency grant for this member, when that is how they see the record.</summary>
    public Task<EmergencyAccess?> EmergencyGrantAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var now = clock.UtcNow;
        return db.EmergencyAccesses.AsNoTracking()
            .Where(e => e.UserId == userId && e.MemberId == memberId && e.GrantedAt <= now && e.ExpiresAt > now)
            .OrderByDescending(e => e.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether every member is visible to the user, so a plan-wide list needs no per-member filter.</summary>
    public static bool SeesWholePlan(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(CareRoles.CareManager);
    }

    public IQueryable<Member> MembersVisibleTo(ClaimsPrincipal user)
    {
        if (SeesWholePlan(user))
        {
            return db.Members;
        }

        var providerId = user.ProviderIdOf();
        var asPcp = user.IsInRole(CareRoles.Pcp) && providerId is not null;
        var asBh = user.IsInRole(CareRoles.BhClinician) && providerId is not null;
        var today = clock.Today;
        var now = clock.UtcNow;
        var userId = user.UserId();
        return db.Members.Where(m =>
            (asPcp && m.PcpId == providerId) ||
            (asBh && db.CareRelationships.ActiveOn(today).Any(r => r.MemberId == m.Id && r.ProviderId == providerId)) ||
            ((asPcp || asBh) && db.EmergencyAccesses.Any(e => e.UserId == userId && e.MemberId == m.Id && e.GrantedAt <= now && e.ExpiresAt > now)));
    }
}
