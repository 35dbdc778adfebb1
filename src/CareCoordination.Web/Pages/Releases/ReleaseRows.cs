using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
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

public static class ReleaseRows
{
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
