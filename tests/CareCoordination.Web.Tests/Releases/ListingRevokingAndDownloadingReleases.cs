using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>A member's releases as the care team sees them: status today, revoking one, and downloading the signed form.</summary>
public class ListingRevokingAndDownloadingReleases(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static string Row(string html, int releaseId)
    {
        var match = Regex.Match(html, $"<tr id=\"release-{releaseId}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"Release {releaseId} is not listed.");
        return match.Groups[1].Value;
    }

    private async Task<int> AddDocumentAsync(int releaseId, byte[] content, string contentType) => await app.WithDatabase(async db =>
    {
        var document = new ReleaseDocument { ReleaseId = releaseId, ContentType = contentType, Content = content, Sha256 = new string('0', 64), UploadedAt = DateTime.UtcNow };
        db.ReleaseDocuments.Add(document);
        await db.SaveChangesAsync();
        return document.Id;
    });

    [Fact]
    public async Task Each_release_shows_its_status_today_and_only_live_ones_can_be_revoked()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var pcp = await app.PcpProviderId();
        var ppg = await app.WithDatabase(db => db.Ppgs.OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).FirstAsync());
        var active = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today));
        var expired = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today, expiresOn: today.AddDays(-1)));
        var revoked = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today), r => r.Revoke(DateTime.UtcNow, "Revoked by letter"));
        var future = await app.AddReleaseAsync(today => new Release
        {
            MemberId = memberId,
            Kind = ReleaseKind.SubstanceUseDisorderConsent,
            Information = ReleasedInformation.SubstanceUseDisorderRecords,
            InformationDescription = "Program records",
            AuthorizedDiscloser = "Program staff",
            RecipientPpgId = ppg.Id,
            Purpose = "Treatment",
            EffectiveOn = today.AddDays(5),
            ExpirationEvent = "End of treatment",
            SignedOn = today,
            SignedBy = SignerKind.PersonalRepresentative,
            SignerName = "Pat Parent",
            RepresentativeAuthority = "Parent of a minor",
        });
        await AddDocumentAsync(active, ReleaseTesting.Pdf, "application/pdf");
        var client = await app.SignedInAs(Browsing.Pcp);

        var html = await client.GetStringAsync($"/Members/{memberId}/Releases");

        var activeRow = Browsing.Text(Row(html, active));
        Assert.Contains("active", activeRow, StringComparison.Ordinal);
        Assert.Contains("Maya Okafor, MD", activeRow, StringComparison.Ordinal);
        Assert.Contains("Coordination with my primary care physician", activeRow, StringComparison.Ordinal);
        Assert.Contains("Test Member (member)", activeRow, StringComparison.Ordinal);
        Assert.Contains($"/Releases/{active}/Document", Row(html, active), StringComparison.Ordinal);
        Assert.Contains($"/Releases/{active}/Revoke", Row(html, active), StringComparison.Ordinal);
        Assert.Contains("expired", Browsing.Text(Row(html, expired)), StringComparison.Ordinal);
        Assert.Contains($"/Releases/{expired}/Revoke", Row(html, expired), StringComparison.Ordinal);
        Assert.DoesNotContain("/Document", Row(html, expired), StringComparison.Ordinal);
        var revokedRow = Browsing.Text(Row(html, revoked));
        Assert.Contains("revoked", revokedRow, StringComparison.Ordinal);
        Assert.Contains("Revoked by letter", revokedRow, StringComparison.Ordinal);
        Assert.DoesNotContain("/Revoke", Row(html, revoked), StringComparison.Ordinal);
        var futureRow = Browsing.Text(Row(html, future));
        Assert.Contains("not yet effective", futureRow, StringComparison.Ordinal);
        Assert.Contains(ppg.Name, futureRow, StringComparison.Ordinal);
        Assert.Contains("End of treatment", futureRow, StringComparison.Ordinal);
        Assert.Contains("Pat Parent, personal representative (Parent of a minor)", futureRow, StringComparison.Ordinal);
        Assert.True(await app.AuditCount(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId) >= 1);
    }

    [Fact]
    public async Task Clinicians_are_offered_protected_content_requests_care_managers_only_recording()
    {
        var memberId = await app.PanelMemberWithoutReleases();

        var asPcp = Browsing.Text(await (await app.SignedInAs(Browsing.Pcp)).GetStringAsync($"/Members/{memberId}/Releases"));
        var asCareManager = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{memberId}/Releases"));

        Assert.Contains("Request psychotherapy notes", asPcp, StringComparison.Ordinal);
        Assert.Contains("Request Part 2 SUD records", asPcp, StringComparison.Ordinal);
        Assert.Contains("Record a signed release", asCareManager, StringComparison.Ordinal);
        Assert.DoesNotContain("Request psychotherapy notes", asCareManager, StringComparison.Ordinal);
        Assert.Contains("No signed releases on file.", asCareManager, StringComparison.Ordinal);
        Assert.Contains("No psychotherapy notes or Part 2 records have been disclosed.", asCareManager, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_the_user_cannot_see_is_not_found_and_the_refusal_is_audited()
    {
        var offPanel = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId != pcp && db.Releases.Any(r => r.MemberId == m.Id)).Select(m => m.Id).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.GetAsync($"/Members/{offPanel}/Releases");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Signed releases", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.AuditCount(AuditAction.MemberRecordViewed, AuditOutcome.Denied, offPanel) >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{offPanel}/Releases/1/Revoke")).StatusCode);
    }

    [Fact]
    public async Task Revoking_needs_a_note_then_ends_the_release_with_an_audit_entry_and_cannot_be_repeated()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var pcp = await app.PcpProviderId();
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today));
        var client = await app.SignedInAs(Browsing.CareManager);
        var url = $"/Members/{memberId}/Releases/{releaseId}/Revoke";

        var noNote = await client.SubmitFormAsync(url, new() { ["Input.Note"] = " " });
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("Say how the member revoked it", Browsing.Text(await noNote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await app.WithDatabase(db => db.Releases.Where(r => r.Id == releaseId).Select(r => r.RevokedAt).SingleAsync()));

        var page = await client.GetStringAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["Input.Note"] = "Member revoked in writing at the clinic",
            ["Input.SignedOn"] = app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.InWritingFromTheMember"] = "true",
            ["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!,
        };
        var revoked = await client.PostFormAsync(url, page, new(fields));
        var again = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal($"/Members/{memberId}/Releases", revoked.Headers.Location!.ToString());
        Assert.Equal(revoked.Headers.Location, again.Headers.Location);
        var release = await app.WithDatabase(db => db.Releases.SingleAsync(r => r.Id == releaseId));
        Assert.NotNull(release.RevokedAt);
        Assert.Equal("Member revoked in writing at the clinic", release.RevocationNote);
        Assert.Equal(1, await app.AuditCount(AuditAction.ReleaseRevoked, AuditOutcome.Success, memberId));
        Assert.Contains("revoked", Browsing.Text(Row(await client.GetStringAsync($"/Members/{memberId}/Releases"), releaseId)), StringComparison.Ordinal);

        var revisited = Browsing.Text(await client.GetStringAsync(url));
        Assert.Contains("This release was already revoked on", revisited, StringComparison.Ordinal);
        Assert.DoesNotContain("Revoke release", revisited, StringComparison.Ordinal);
        var stale = await client.PostFormAsync(url, page, new() { ["Input.Note"] = "Second try", ["SubmissionId"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("This release was already revoked on", Browsing.Text(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Member revoked in writing at the clinic", await app.WithDatabase(db => db.Releases.Where(r => r.Id == releaseId).Select(r => r.RevocationNote).SingleAsync()));
        Assert.Equal(1, await app.AuditCount(AuditAction.ReleaseRevoked, AuditOutcome.Success, memberId));
    }

    [Fact]
    public async Task Another_members_release_cannot_be_revoked_through_this_member()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var otherMember = await app.PanelMemberWithoutReleases(skip: 1);
        var pcp = await app.PcpProviderId();
        var othersRelease = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(otherMember, pcp, today));
        var client = await app.SignedInAs(Browsing.Pcp);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Releases/{othersRelease}/Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Releases/999999/Revoke")).StatusCode);
    }

    [Fact]
    public async Task The_signed_form_downloads_as_an_attachment_never_sniffed_or_cached_and_is_audited()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var pcp = await app.PcpProviderId();
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today));
        await AddDocumentAsync(releaseId, ReleaseTesting.Png, "image/png");
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.GetAsync($"/Members/{memberId}/Releases/{releaseId}/Document");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"release-{releaseId}.png", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(ReleaseTesting.Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await app.AuditCount(AuditAction.ReleaseDocumentViewed, AuditOutcome.Success, memberId));
    }

    [Fact]
    public async Task A_signed_form_is_not_found_through_another_member_without_a_scan_or_off_the_panel()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var otherMember = await app.PanelMemberWithoutReleases(skip: 1);
        var pcp = await app.PcpProviderId();
        var othersRelease = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(otherMember, pcp, today));
        await AddDocumentAsync(othersRelease, ReleaseTesting.Pdf, "application/pdf");
        var withoutScan = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today));
        var offPanel = await app.WithDatabase(db => db.Members.Where(m => m.PcpId != pcp).Select(m => m.Id).FirstAsync());
        var client = await app.SignedInAs(Browsing.Pcp);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Releases/{othersRelease}/Document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Releases/{withoutScan}/Document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{offPanel}/Releases/{othersRelease}/Document")).StatusCode);
        Assert.Equal(2, await app.AuditCount(AuditAction.ReleaseDocumentViewed, AuditOutcome.Denied, memberId));
        Assert.Equal(0, await app.AuditCount(AuditAction.ReleaseDocumentViewed, AuditOutcome.Success, otherMember));
    }
}
