using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>
/// A treating clinician asks for psychotherapy notes or Part 2 records for themselves: the consent gate decides, a refusal
/// says exactly what is missing and discloses nothing, and an allowed request is recorded once and shown with its notice.
/// </summary>
public class RequestingProtectedContent(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private const string Purpose = "Coordinate trauma-focused treatment with the member's therapist";

    private static Dictionary<string, string> Ask(string purpose = Purpose) => new() { ["Input.Purpose"] = purpose };

    private static string RequestUrl(int memberId, ProtectedContent content) => $"/Members/{memberId}/Releases/Request?content={content}";

    /// <summary>The demo member whose psychotherapy-notes authorization names the demo PCP (Dr. Maya Okafor).</summary>
    private Task<int> DemoMemberWithNotesAuthorization() => app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.Where(m => m.PcpId == pcp
                && db.ProtectedNotes.Any(n => n.MemberId == m.Id && n.Content == ProtectedContent.PsychotherapyNotes)
                && db.Releases.Any(r => r.MemberId == m.Id && r.Kind == ReleaseKind.PsychotherapyNotesAuthorization && r.RevokedAt == null && r.RecipientProviderId == pcp))
            .Select(m => m.Id).SingleAsync();
    });

    [Fact]
    public async Task The_demo_authorization_releases_the_notes_to_the_pcp_once_with_the_redisclosure_notice()
    {
        var memberId = await DemoMemberWithNotesAuthorization();
        var (pcp, pcpUser, releaseId, notes) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return (pcp,
                await db.Users.Where(u => u.Email == Browsing.Pcp).Select(u => u.Id).SingleAsync(),
                await db.Releases.Where(r => r.MemberId == memberId && r.Kind == ReleaseKind.PsychotherapyNotesAuthorization).Select(r => r.Id).SingleAsync(),
                await db.ProtectedNotes.Where(n => n.MemberId == memberId && n.Content == ProtectedContent.PsychotherapyNotes).OrderBy(n => n.WrittenOn).ToListAsync());
        });
        Assert.Equal(3, notes.Count);
        var before = await app.DisclosureCount(memberId);
        var requested = await app.AuditCount(AuditAction.ProtectedContentRequested, AuditOutcome.Success, memberId);
        var disclosed = await app.AuditCount(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, memberId);
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), Ask());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resultUrl = response.Headers.Location!.ToString();
        Assert.Matches($"^/Members/{memberId}/Releases/Disclosures/\\d+$", resultUrl);
        var disclosureId = int.Parse(resultUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var disclosure = await app.WithDatabase(db => db.Disclosures.SingleAsync(d => d.Id == disclosureId));
        Assert.Equal(before + 1, await app.DisclosureCount(memberId));
        Assert.Equal((ProtectedContent.PsychotherapyNotes, pcp, releaseId, pcpUser, Purpose),
            (disclosure.Content, disclosure.RecipientProviderId, disclosure.ReleaseId, disclosure.DisclosedByUserId, disclosure.Purpose));
        Assert.Equal($"3 psychotherapy notes, {notes[0].WrittenOn:yyyy-MM-dd} to {notes[2].WrittenOn:yyyy-MM-dd}", disclosure.Description);
        Assert.Equal(requested + 1, await app.AuditCount(AuditAction.ProtectedContentRequested, AuditOutcome.Success, memberId));
        Assert.Equal(disclosed + 1, await app.AuditCount(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, memberId));

        var shown = await client.GetAsync(resultUrl);
        var text = Browsing.Text(await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.True(shown.Headers.CacheControl!.NoStore);
        Assert.Contains(RedisclosureNotices.PsychotherapyNotes, text, StringComparison.Ordinal);
        Assert.All(notes, note => Assert.Contains(note.Text, text, StringComparison.Ordinal));
        Assert.Contains("Hannah Lowe, PsyD", text, StringComparison.Ordinal);
        Assert.Contains(disclosure.Description, text, StringComparison.Ordinal);

        // Showing it again asks the gate again and is audited, but records no new disclosure.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(resultUrl)).StatusCode);
        Assert.Equal(before + 1, await app.DisclosureCount(memberId));
        Assert.Equal(disclosed + 3, await app.AuditCount(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, memberId));

        var list = Browsing.Text(await client.GetStringAsync($"/Members/{memberId}/Releases"));
        Assert.Contains(disclosure.Description, list, StringComparison.Ordinal);
        Assert.Contains("Show again", list, StringComparison.Ordinal);
        Assert.Contains("Dr. Maya Okafor", list, StringComparison.Ordinal);

        // The same form sent again leads to the same disclosure.
        var page = await client.GetStringAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes));
        var fields = Ask();
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;
        var first = await client.PostFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), page, new(fields));
        var second = await client.PostFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), page, new(fields));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(before + 2, await app.DisclosureCount(memberId));
    }

    public static TheoryData<string, string[]> Refusals => new()
    {
        { "no release", ["No signed release for this information is on file."] },
        { "expired", ["The release has expired."] },
        { "revoked", ["The member revoked the release."] },
        { "wrong recipient", ["The release names a different recipient."] },
        { "combined", ["A psychotherapy-notes authorization must stand alone; this one is combined with other information or another authorization."] },
        { "several problems", ["The release has expired.", "The release names a different recipient.", "It was signed by a representative whose authority to act for the member is not recorded."] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_request_names_every_missing_element_and_discloses_nothing(string onFile, string[] reasons)
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var (pcp, otherPcp) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return (pcp, await db.Providers.Where(p => p.Id != pcp).Select(p => p.Id).FirstAsync());
        });
        Func<DateOnly, Release>? release = onFile switch
        {
            "expired" => today => ReleaseTesting.NotesAuthorization(memberId, pcp, today, expiresOn: today.AddDays(-1)),
            "revoked" => today => ReleaseTesting.NotesAuthorization(memberId, pcp, today),
            "wrong recipient" => today => ReleaseTesting.NotesAuthorization(memberId, otherPcp, today),
            "combined" => today => ReleaseTesting.NotesAuthorization(memberId, pcp, today, ReleasedInformation.PsychotherapyNotes | ReleasedInformation.MentalHealthRecords),
            "several problems" => today => Representative(ReleaseTesting.NotesAuthorization(memberId, otherPcp, today, expiresOn: today.AddDays(-3))),
            _ => null,
        };
        if (release is not null)
        {
            await app.AddReleaseAsync(release, onFile == "revoked" ? r => r.Revoke(DateTime.UtcNow, "Revoked at the clinic") : null);
        }

        var refusals = await app.AuditCount(AuditAction.ProtectedContentRequested, AuditOutcome.Denied, memberId);
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), Ask());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Not released: psychotherapy notes need the member's written permission", text, StringComparison.Ordinal);
        Assert.All(reasons, reason => Assert.Contains(reason, text, StringComparison.Ordinal));
        Assert.Contains("Nothing was disclosed.", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.DisclosureCount(memberId));
        Assert.Equal(refusals + 1, await app.AuditCount(AuditAction.ProtectedContentRequested, AuditOutcome.Denied, memberId));
        Assert.Equal(0, await app.AuditCount(AuditAction.ProtectedContentDisclosed, AuditOutcome.Success, memberId));
    }

    private static Release Representative(Release release) => new()
    {
        MemberId = release.MemberId,
        Kind = release.Kind,
        Information = release.Information,
        InformationDescription = release.InformationDescription,
        AuthorizedDiscloser = release.AuthorizedDiscloser,
        RecipientProviderId = release.RecipientProviderId,
        Purpose = release.Purpose,
        EffectiveOn = release.EffectiveOn,
        ExpiresOn = release.ExpiresOn,
        SignedOn = release.SignedOn,
        SignedBy = SignerKind.PersonalRepresentative,
        SignerName = "Pat Parent",
    };

    [Fact]
    public async Task The_demo_members_revoked_authorization_keeps_their_notes_from_the_pcp()
    {
        var memberId = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Releases.Where(r => r.RevokedAt != null && db.Members.Any(m => m.Id == r.MemberId && m.PcpId == pcp)).Select(r => r.MemberId).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), Ask());

        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Psychotherapy notes authorization signed", text, StringComparison.Ordinal);
        Assert.Contains("The member revoked the release.", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.DisclosureCount(memberId));
    }

    [Fact]
    public async Task Part_2_records_are_released_under_the_single_tpo_consent_with_the_part_2_notice()
    {
        var (memberId, recordText, writtenOn) = await app.WithDatabase(async db =>
        {
            var member = await db.Releases.Where(r => r.Kind == ReleaseKind.SubstanceUseDisorderConsent && r.CoversTreatmentPaymentAndOperations).Select(r => r.MemberId).FirstAsync();
            var record = await db.ProtectedNotes.SingleAsync(n => n.MemberId == member && n.Content == ProtectedContent.SubstanceUseDisorderRecords);
            // Dr. Whitfield (bh@demo.test) takes the member on, so he may open the record; the consent does not name him.
            db.CareRelationships.Add(new CareRelationship { MemberId = member, ProviderId = await MemberRecordAccess.ProviderOf(db, Browsing.Bh), StartOn = app.Today().AddDays(-1) });
            await db.SaveChangesAsync();
            return (member, record.Text, record.WrittenOn);
        });
        var client = await app.SignedInAs(Browsing.Bh);
        var auditedBefore = await app.WithDatabase(db => db.AuditEntries.MaxAsync(a => a.Id));

        var response = await client.SubmitFormAsync(RequestUrl(memberId, ProtectedContent.SubstanceUseDisorderRecords), Ask("Medication management for co-occurring depression"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains(RedisclosureNotices.Part2, text, StringComparison.Ordinal);
        Assert.Contains(recordText, text, StringComparison.Ordinal);
        var disclosure = await app.WithDatabase(db => db.Disclosures.SingleAsync(d => d.MemberId == memberId));
        Assert.Equal((ProtectedContent.SubstanceUseDisorderRecords, $"1 Part 2 SUD record, {writtenOn:yyyy-MM-dd}"), (disclosure.Content, disclosure.Description));
        var audited = await app.WithDatabase(db => db.AuditEntries.Where(a => a.Id > auditedBefore && a.MemberId == memberId
                && (a.Action == AuditAction.ProtectedContentRequested || a.Action == AuditAction.ProtectedContentDisclosed))
            .Select(a => a.Content).Distinct().ToListAsync());
        Assert.Equal([ProtectedContent.SubstanceUseDisorderRecords], audited);
    }

    [Fact]
    public async Task A_purpose_is_required_before_the_gate_is_asked()
    {
        var memberId = await DemoMemberWithNotesAuthorization();
        var before = await app.DisclosureCount(memberId);
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), Ask(" "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why you need them", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.DisclosureCount(memberId));
    }

    [Fact]
    public async Task A_care_manager_cannot_request_or_view_protected_content()
    {
        var memberId = await DemoMemberWithNotesAuthorization();
        var client = await app.SignedInAs(Browsing.CareManager);
        var before = await app.DisclosureCount(memberId);

        var get = await client.GetAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes));
        var post = await client.PostFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), await client.GetStringAsync($"/Members/{memberId}/Releases"), Ask());
        var view = await client.GetAsync($"/Members/{memberId}/Releases/Disclosures/1");

        Assert.All([get, post, view], response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(before, await app.DisclosureCount(memberId));
    }

    [Fact]
    public async Task A_member_the_clinician_cannot_see_is_not_found_and_nothing_is_disclosed()
    {
        var offPanel = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId != pcp && db.ProtectedNotes.Any(n => n.MemberId == m.Id)).Select(m => m.Id).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var before = await app.DisclosureCount(offPanel);

        var get = await client.GetAsync(RequestUrl(offPanel, ProtectedContent.SubstanceUseDisorderRecords));
        var post = await client.PostFormAsync(RequestUrl(offPanel, ProtectedContent.SubstanceUseDisorderRecords), await client.GetStringAsync("/"), Ask());

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, post.StatusCode));
        Assert.Equal(before, await app.DisclosureCount(offPanel));
        Assert.True(await app.AuditCount(AuditAction.MemberRecordViewed, AuditOutcome.Denied, offPanel) >= 2);
    }

    [Theory]
    [InlineData("?content=RoutineCoordination")]
    [InlineData("?content=Everything")]
    [InlineData("")]
    public async Task Only_psychotherapy_notes_and_part_2_records_are_requested_here(string query)
    {
        var memberId = await DemoMemberWithNotesAuthorization();
        var client = await app.SignedInAs(Browsing.Pcp);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Releases/Request{query}")).StatusCode);
    }

    [Fact]
    public async Task A_disclosure_is_shown_only_to_its_recipient_through_its_own_member()
    {
        var memberId = await DemoMemberWithNotesAuthorization();
        var client = await app.SignedInAs(Browsing.Pcp);
        var response = await client.SubmitFormAsync(RequestUrl(memberId, ProtectedContent.PsychotherapyNotes), Ask());
        var disclosureId = response.Headers.Location!.ToString().Split('/')[^1];
        var otherMember = await app.PanelMemberWithoutReleases();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{otherMember}/Releases/Disclosures/{disclosureId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Releases/Disclosures/999999")).StatusCode);
        var bhSees = await app.WithDatabase(async db =>
        {
            var bh = await MemberRecordAccess.ProviderOf(db, Browsing.Bh);
            return await db.CareRelationships.AnyAsync(r => r.MemberId == memberId && r.ProviderId == bh && r.EndOn == null);
        });
        Assert.True(bhSees, "The demo BH clinician treats this member, so only the disclosure's recipient check keeps him out.");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{memberId}/Releases/Disclosures/{disclosureId}")).StatusCode);
    }
}
