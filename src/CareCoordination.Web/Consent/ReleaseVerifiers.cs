using System.Security.Claims;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Consent;

/// <summary>The facts about a signed-in user that decide whether they may verify a member's releases.</summary>
public static class ReleaseVerifiers
{
    public static async Task<Verifier> VerifierAsync(this CareDbContext db, ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var providerId = user.ProviderIdOf();
        var ppgId = providerId is null ? null
            : await db.Providers.Where(p => p.Id == providerId).Select(p => p.PpgId).SingleOrDefaultAsync(cancellationToken);
        var holdsTheNotes = providerId is not null && user.IsInRole(CareRoles.BhClinician) && await db.ProtectedNotes.AnyAsync(n =>
            n.MemberId == memberId && n.Content == ProtectedContent.PsychotherapyNotes && n.AuthorProviderId == providerId, cancellationToken);
        return new Verifier(user.UserId(), user.IsInRole(CareRoles.PrivacyOfficer), providerId, ppgId, holdsTheNotes);
    }
}
