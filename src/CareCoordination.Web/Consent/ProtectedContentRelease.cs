using System.Security.Claims;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Consent;

/// <summary>A clinician asking for a member's protected content for themselves (they are the recipient), from a submitted form.</summary>
/// <param name="EmergencyOnly">The open grant through which alone the requester sees the member, if that is how.</param>
public sealed record ProtectedContentRequest(int MemberId, ProtectedContent Content, int RequesterProviderId, string RequesterUserId, string Purpose, Guid SubmissionId,
    EmergencyAccess? EmergencyOnly = null);

/// <summary>
/// What became of a request: the gate's decision always; the disclosure when one was recorded now; the earlier result when
/// the same form was submitted before. Allowed with neither means there was nothing on file to disclose.
/// </summary>
public sealed record RequestOutcome(ConsentDecision Decision, Disclosure? Disclosure = null, string? EarlierResult = null);

/// <summary>A medical-emergency disclosure of a program's Part 2 records, as the program is told of it.</summary>
public sealed record EmergencyDisclosureNotice(int MemberId, string MemberName, DateTime DisclosedAt, string Recipient, string Description, string Nature);

/// <summary>An earlier disclosure shown again: the gate's decision today, and the notes only when it still allows them.</summary>
public sealed record ShownDisclosure(Disclosure Disclosure, ConsentDecision Decision, IReadOnlyList<ProtectedNote> Notes);

/// <summary>
/// The one code path that reads psychotherapy notes and Part 2 records and lets them leave (an architecture test keeps it so).
/// Every request and every showing goes through <see cref="ConsentGate"/> with the member's releases as they are now, is
/// audited, and a disclosure is recorded once per request, never per view. Callers have already checked that the user may
/// open the member's record (<c>MemberAccess</c>); this decides whether the member's written permission lets the content go.
/// </summary>
public sealed class ProtectedContentRelease(CareDbContext db, AuditTrail audit, PlanClock clock, SubmissionGuard submissions)
{
    /// <summary>
    /// Asks the gate; for a requester who sees the member only through an emergency grant, the emergency rules decide what
    /// a consent does not already allow (never psychotherapy or counseling notes; Part 2 records under 42 CFR 2.51). Blocked: audits the refusal and records nothing else. Allowed: records the disclosure (who, to whom,
    /// what, when, why, under which release) and audits it, in the request's transaction. The form's submission is claimed
    /// only once the gate allows, so a refused request leaves nothing behind but its audit entry; the caller completes the
    /// submission with the result page.
    /// </summary>
    public async Task<RequestOutcome> RequestAsync(ProtectedContentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content == ProtectedContent.RoutineCoordination)
        {
            throw new ArgumentException("Routine coordination information is shared without a release; it is not requested here.", nameof(request));
        }

        var decision = await DecideAsync(request.MemberId, request.Content, request.RequesterProviderId, cancellationToken);
        if (request.EmergencyOnly is { } grant && (!decision.Allowed || request.Content != ProtectedContent.SubstanceUseDisorderRecords))
        {
            decision = ConsentGate.DecideUnderEmergency(request.Content, grant, clock.UtcNow);
        }

        if (!decision.Allowed)
        {
            await audit.RecordAsync(AuditAction.ProtectedContentRequested, AuditOutcome.Denied, request.MemberId, request.RequesterUserId, request.Content, cancellationToken);
            return new RequestOutcome(decision);
        }

        var writtenOn = await NotesOf(request.MemberId, request.Content).Select(n => n.WrittenOn).ToListAsync(cancellationToken);
        if (writtenOn.Count == 0)
        {
            await audit.RecordAsync(AuditAction.ProtectedContentRequested, AuditOutcome.Success, request.MemberId, request.RequesterUserId, request.Content, cancellationToken);
            return new RequestOutcome(decision);
        }

        if (await submissions.ClaimAsync(request.SubmissionId, cancellationToken) is { } earlier)
        {
            return new RequestOutcome(decision, EarlierResult: earlier);
        }

        var disclosure = new Disclosure
        {
            MemberId = request.MemberId,
            Content = request.Content,
            RecipientProviderId = request.RequesterProviderId,
            ReleaseId = decision.AllowedUnder?.Id,
            // 42 CFR 2.51(c): with no consent to point to, the emergency grant and its nature are the documentation.
            EmergencyAccessId = decision.AllowedUnder is null ? request.EmergencyOnly!.Id : null,
            EmergencyNature = decision.AllowedUnder is null ? $"{request.EmergencyOnly!.Category.Label()}: {request.EmergencyOnly.Reason}" : null,
            DisclosedAt = clock.UtcNow,
            DisclosedByUserId = request.RequesterUserId,
            Purpose = request.Purpose,
            Description = request.Content.DescribeDisclosure(writtenOn),
        };
        db.Disclosures.Add(disclosure);
        audit.Add(AuditAction.ProtectedContentRequested, AuditOutcome.Success, request.MemberId, request.RequesterUserId, request.Content);
        audit.Add(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, request.MemberId, request.RequesterUserId, request.Content);
        await db.SaveChangesAsync(cancellationToken);
        return new RequestOutcome(decision, disclosure);
    }

    /// <summary>
    /// Shows an earlier disclosure to the clinician who received it, after asking the gate again: a release revoked or
    /// expired since then stops the notes from showing. It shows the notes as disclosed (those written by that day), and
    /// audits the showing without recording a new disclosure. Null when there is no such disclosure for this viewer.
    /// </summary>
    public async Task<ShownDisclosure?> ShowAsync(int memberId, int disclosureId, string viewerUserId, int viewerProviderId, CancellationToken cancellationToken)
    {
        var disclosure = await db.Disclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == disclosureId && d.MemberId == memberId
            && d.DisclosedByUserId == viewerUserId && d.RecipientProviderId == viewerProviderId, cancellationToken);
        if (disclosure is null)
        {
            return null;
        }

        var decision = disclosure.EmergencyAccessId is { } grantId
            ? ConsentGate.DecideUnderEmergency(disclosure.Content, await db.EmergencyAccesses.AsNoTracking().SingleAsync(e => e.Id == grantId, cancellationToken), clock.UtcNow)
            : await DecideAsync(memberId, disclosure.Content, disclosure.RecipientProviderId, cancellationToken);
        if (!decision.Allowed)
        {
            await audit.RecordAsync(AuditAction.ProtectedContentDisclosed, AuditOutcome.Denied, memberId, viewerUserId, disclosure.Content, cancellationToken);
            return new ShownDisclosure(disclosure, decision, []);
        }

        var disclosedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(disclosure.DisclosedAt, clock.PlanZone));
        var notes = await NotesOf(memberId, disclosure.Content).Where(n => n.WrittenOn <= disclosedOn)
            .OrderBy(n => n.WrittenOn).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, memberId, viewerUserId, disclosure.Content, cancellationToken);
        return new ShownDisclosure(disclosure, decision, notes);
    }

    /// <summary>
    /// Medical-emergency disclosures of the Part 2 records a practitioner wrote, since a day: how the program is told of each
    /// (42 CFR 2.51(c) asks the program to document it in the member's records: who received what, when, and why).
    /// </summary>
    public async Task<IReadOnlyList<EmergencyDisclosureNotice>> EmergencyDisclosuresOfAsync(int authorProviderId, DateTime since, CancellationToken cancellationToken) =>
        await db.Disclosures.AsNoTracking()
            .Where(d => d.EmergencyAccessId != null && d.DisclosedAt >= since && d.Content == ProtectedContent.SubstanceUseDisorderRecords
                && db.ProtectedNotes.Any(n => n.MemberId == d.MemberId && n.Content == ProtectedContent.SubstanceUseDisorderRecords && n.AuthorProviderId == authorProviderId))
            .OrderByDescending(d => d.DisclosedAt)
            .Select(d => new EmergencyDisclosureNotice(d.MemberId,
                db.Members.Where(m => m.Id == d.MemberId).Select(m => m.GivenName + " " + m.FamilyName).First(),
                d.DisclosedAt,
                db.Providers.Where(p => p.Id == d.RecipientProviderId).Select(p => p.GivenName + " " + p.FamilyName + (p.Credentials == null ? "" : ", " + p.Credentials)).First(),
                d.Description,
                d.EmergencyNature ?? ""))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The facts that decide whether a user may verify a member's releases; here because whether they hold the member's
    /// psychotherapy notes is a read of the notes, which only this path makes.
    /// </summary>
    public async Task<Verifier> VerifierAsync(ClaimsPrincipal user, int memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var providerId = user.ProviderIdOf();
        var ppgId = providerId is null ? null
            : await db.Providers.Where(p => p.Id == providerId).Select(p => p.PpgId).SingleOrDefaultAsync(cancellationToken);
        var holdsTheNotes = providerId is not null && user.IsInRole(CareRoles.BhClinician) && await db.ProtectedNotes.AnyAsync(n =>
            n.MemberId == memberId && n.Content == ProtectedContent.PsychotherapyNotes && n.AuthorProviderId == providerId, cancellationToken);
        return new Verifier(user.UserId(), user.IsInRole(CareRoles.PrivacyOfficer), providerId, ppgId, holdsTheNotes);
    }

    private async Task<ConsentDecision> DecideAsync(int memberId, ProtectedContent content, int recipientProviderId, CancellationToken cancellationToken)
    {
        var recipientPpg = await db.Providers.Where(p => p.Id == recipientProviderId).Select(p => p.PpgId).SingleOrDefaultAsync(cancellationToken);
        var releases = await db.Releases.AsNoTracking().Where(r => r.MemberId == memberId).ToListAsync(cancellationToken);
        return ConsentGate.Decide(new DisclosureRequest(content, recipientProviderId, recipientPpg), releases, clock.Today);
    }

    private IQueryable<ProtectedNote> NotesOf(int memberId, ProtectedContent content) =>
        db.ProtectedNotes.AsNoTracking().Where(n => n.MemberId == memberId && n.Content == content);
}
