using System.Security.Claims;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>A release as this journey's pages show it: its recipient by name, its status today, and whether its signed form is on file.</summary>
public sealed record ReleaseRow(Release Release, string Recipient, ReleaseStatus Status, bool HasDocument)
{
    /// <summary>Until when: the last day, the ending event, or both (whichever comes first).</summary>
    public string ValidUntil => (Release.ExpiresOn, Release.ExpirationEvent) switch
    {
        ({ } day, { } ending) => $"{Display.Date(day)} or {ending}, whichever comes first{EventHappened}",
        ({ } day, null) => Display.Date(day),
        (null, { } ending) => ending + EventHappened,
        _ => "no expiration stated",
    };

    public string Signer => Release.SignedBy == SignerKind.Member
        ? $"{Release.SignerName} (member)"
        : $"{Release.SignerName}, personal representative ({Release.RepresentativeAuthority ?? "authority not recorded"})";

    /// <summary>Kind and signing date: enough to tell a member's releases apart.</summary>
    public string Title => $"{Release.Kind.Label()} signed {Display.Date(Release.SignedOn)}";

    private string EventHappened => Release.ExpirationEventOccurredOn is { } occurred ? $" (happened {Display.Date(occurred)})" : "";
}

/// <summary>The member a release page acts on, by name, and the one release it acts on.</summary>
public sealed record OpenedRelease(string MemberName, ReleaseRow Release);

public static class ReleaseRows
{
    /// <summary>
    /// Opens one release of a member for a page that acts on it: null, audited as a refused read, when the user may not
    /// see the member's releases or the member has no such release (the two look the same, so ids cannot be probed).
    /// </summary>
    public static async Task<OpenedRelease?> OpenReleaseAsync(this CareDbContext db, MemberAccess access, AuditTrail audit, ClaimsPrincipal user,
        int memberId, int releaseId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(audit);
        var name = await access.MembersWhoseReleasesOpenTo(user).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        var release = name is null ? null : (await db.ReleaseRowsAsync(memberId, today, cancellationToken, releaseId)).SingleOrDefault();
        if (name is null || release is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return null;
        }

        return new OpenedRelease(name, release);
    }

    /// <summary>The member's releases, newest signature first; narrowed to one when <paramref name="releaseId"/> is given.</summary>
    public static async Task<IReadOnlyList<ReleaseRow>> ReleaseRowsAsync(this CareDbContext db, int memberId, DateOnly today, CancellationToken cancellationToken, int? releaseId = null)
    {
        var rows = await db.Releases.AsNoTracking()
            .Where(r => r.MemberId == memberId && (releaseId == null || r.Id == releaseId))
            .OrderByDescending(r => r.SignedOn).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                Release = r,
                Recipient = r.RecipientProviderId != null
                    ? db.Providers.Where(p => p.Id == r.RecipientProviderId).Select(p => p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials)).FirstOrDefault()
                    : db.Ppgs.Where(g => g.Id == r.RecipientPpgId).Select(g => g.Name).FirstOrDefault(),
                HasDocument = db.ReleaseDocuments.Any(d => d.ReleaseId == r.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReleaseRow(r.Release, r.Recipient ?? "unknown recipient", r.Release.StatusOn(today), r.HasDocument))];
    }
}
