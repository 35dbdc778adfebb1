using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// A disclosure's notes, shown to the clinician who received them, with the notice that must travel with them. This is
/// where a request leads and the only way back to the notes later: each showing asks the consent gate again (a release
/// revoked or expired since stops them from showing) and is audited, but only the request itself records a disclosure.
/// </summary>
[Authorize(Policy = CarePolicies.Clinicians)]
public sealed class DisclosureModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock, ProtectedContentRelease protectedContent) : PageModel
{

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public ShownDisclosure Shown { get; private set; } = null!;

    /// <summary>"Psychotherapy notes for Sofia Mbeki".</summary>
    public string Heading
    {
        get
        {
            var label = Shown.Disclosure.Content.Label();
            return $"{char.ToUpperInvariant(label[0])}{label[1..]} for {MemberName}";
        }
    }

    public string Recipient { get; private set; } = "";

    /// <summary>The release the disclosure was made under; null for a medical-emergency disclosure (42 CFR 2.51), made under none.</summary>
    public ReleaseRow? DisclosedUnder { get; private set; }

    public IReadOnlyDictionary<int, string> Authors { get; private set; } = new Dictionary<int, string>();

    /// <summary>Set when the gate refuses today: the notes stay hidden and the page says why.</summary>
    public ConsentRefusal? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int memberId, int disclosureId, CancellationToken cancellationToken)
    {
        var name = await access.MembersVisibleTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        var shown = name is null || User.ProviderIdOf() is not { } providerId
            ? null
            : await protectedContent.ShowAsync(memberId, disclosureId, User.UserId(), providerId, cancellationToken);
        if (shown is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return NotFound();
        }

        // Protected content: never kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        (MemberId, MemberName, Shown) = (memberId, name!, shown);
        var releases = await db.ReleaseRowsAsync(memberId, clock.Today, cancellationToken);
        DisclosedUnder = releases.SingleOrDefault(r => r.Release.Id == shown.Disclosure.ReleaseId);
        Refusal = shown.Decision.Allowed ? null : new ConsentRefusal(memberId, shown.Disclosure.Content, shown.Decision, releases);
        var people = shown.Notes.Select(n => n.AuthorProviderId).Append(shown.Disclosure.RecipientProviderId).Distinct().ToList();
        Authors = await db.Providers.AsNoTracking().Where(p => people.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials), cancellationToken);
        Recipient = Authors[shown.Disclosure.RecipientProviderId];
        return Page();
    }
}
