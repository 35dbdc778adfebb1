using System.Security.Claims;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;

namespace CareCoordination.Web.Identity;

/// <summary>
/// The one place that decides whose records a user may open. Care managers work the whole plan's queue; a PCP sees
/// their own panel; a BH clinician sees members they are actively treating; anyone else (administrators included)
/// sees no clinical records.
/// </summary>
public sealed class MemberAccess(CareDbContext db, PlanClock clock)
{
    public IQueryable<Member> MembersVisibleTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(CareRoles.CareManager))
        {
            return db.Members;
        }

        var providerId = user.ProviderIdOf();
        var asPcp = user.IsInRole(CareRoles.Pcp) && providerId is not null;
        var asBh = user.IsInRole(CareRoles.BhClinician) && providerId is not null;
        var today = clock.Today;
        return db.Members.Where(m =>
            (asPcp && m.PcpId == providerId) ||
            (asBh && db.CareRelationships.ActiveOn(today).Any(r => r.MemberId == m.Id && r.ProviderId == providerId)));
    }
}
