using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Tests.Prescriptions;
using CareCoordination.Web.Tests.Releases;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>
/// Every member route a clinician opens, asked for with another member's record (real ids of that member's event, order,
/// release or disclosure): the answer is a 404, the same as for a record that does not exist, and the refusal is audited.
/// </summary>
public static class AuditedRefusals
{
    /// <summary>Each route, who asks for it, and the action its refusal is audited under.</summary>
    public static IReadOnlyDictionary<string, (string User, AuditAction Audited)> Routes { get; } = new Dictionary<string, (string, AuditAction)>
    {
        ["/Members/{member}"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Events/{event}"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Findings/New"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Releases"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Releases/New"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Releases/Request?content=PsychotherapyNotes"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Releases/{release}/Revoke"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Releases/{release}/Document"] = (Browsing.Pcp, AuditAction.ReleaseDocumentViewed),
        ["/Members/{member}/Releases/Disclosures/{disclosure}"] = (Browsing.Pcp, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Releases/Accounting"] = (Browsing.Pcp, AuditAction.DisclosuresAccounted),
        ["/Members/{member}/Prescriptions"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Prescriptions/New"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Prescriptions/{order}/Change"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Prescriptions/{order}/Stop"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Assessments/Intake"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Assessments/Condition"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
        ["/Members/{member}/Assessments/Treatment"] = (Browsing.Bh, AuditAction.MemberRecordViewed),
    };

    public static async Task<AuditedAct> ArrangeAsync(CareAppFactory app, string route)
    {
        var (user, audited) = Routes[route];
        var userId = await app.UserIdAsync(user);
        var records = user == Browsing.Pcp ? await OffThePanelAsync(app) : await OffTheCaseloadAsync(app);
        var url = route
            .Replace("{member}", Id(records.Member), StringComparison.Ordinal)
            .Replace("{event}", Id(records.Event), StringComparison.Ordinal)
            .Replace("{release}", Id(records.Release), StringComparison.Ordinal)
            .Replace("{disclosure}", Id(records.Disclosure), StringComparison.Ordinal)
            .Replace("{order}", Id(records.Order), StringComparison.Ordinal);
        var client = await app.SignedInAs(user);
        return new(async () => Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode),
            [new(audited, AuditOutcome.Denied, userId, records.Member)]);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Another member's record and what hangs off it; ids a route does not use are 0.</summary>
    private sealed record OthersRecords(int Member, int Event = 0, int Release = 0, int Disclosure = 0, int Order = 0);

    /// <summary>For the demo PCP: a member of another PCP with a recorded event, given a release, its signed form and a disclosure.</summary>
    private static async Task<OthersRecords> OffThePanelAsync(CareAppFactory app)
    {
        var (member, eventId, theirPcp) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            var others = db.Members.Where(m => m.PcpId != null && m.PcpId != pcp && !db.EmergencyAccesses.Any(e => e.MemberId == m.Id));
            var recorded = await db.CoordinationEvents.Where(e => others.Any(m => m.Id == e.MemberId)).OrderBy(e => e.Id)
                .Select(e => new { e.MemberId, e.Id }).FirstAsync();
            return (recorded.MemberId, recorded.Id, await db.Members.Where(m => m.Id == recorded.MemberId).Select(m => m.PcpId!.Value).SingleAsync());
        });
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(member, theirPcp, today));
        await app.AddSignedFormAsync(releaseId);
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var disclosureId = await app.WithDatabase(async db =>
        {
            var disclosure = new Disclosure
            {
                MemberId = member,
                Content = ProtectedContent.PsychotherapyNotes,
                RecipientProviderId = theirPcp,
                ReleaseId = releaseId,
                DisclosedAt = DateTime.UtcNow,
                DisclosedByUserId = careManager,
                Purpose = "Coordination with the member's own PCP",
                Description = "1 psychotherapy note",
            };
            db.Disclosures.Add(disclosure);
            await db.SaveChangesAsync();
            return disclosure.Id;
        });
        return new(member, Event: eventId, Release: releaseId, Disclosure: disclosureId);
    }

    /// <summary>For Dr. Whitfield: a member he is not treating, with an open order on their medication list.</summary>
    private static async Task<OthersRecords> OffTheCaseloadAsync(CareAppFactory app)
    {
        var whitfield = await app.WhitfieldAsync();
        var member = await app.WithDatabase(db => db.Members
            .Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield && r.EndOn == null)
                && !db.EmergencyAccesses.Any(e => e.MemberId == m.Id))
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var orderId = await app.PrescribedAsync(member, "sertraline", "N06AB06", 50m, MedicationFrequency.OnceDaily);
        return new(member, Order: orderId);
    }
}
