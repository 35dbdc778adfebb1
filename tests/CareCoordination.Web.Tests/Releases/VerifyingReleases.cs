using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Tests.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>
/// Consent that no one can grant themselves: a release recorded by its own recipient releases nothing, and its recipient
/// can never verify it; verified by the privacy office, it releases; refused, it says why to the recorder.
/// </summary>
public class VerifyingReleases(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static Dictionary<string, string> EveryElement(ReleaseKind kind) =>
        ReleaseElements.For(kind).Select((e, i) => (Key: $"Attested[{i}]", e.Code)).ToDictionary(f => f.Key, f => f.Code);

    [Fact]
    public async Task A_release_its_recipient_recorded_releases_nothing_until_someone_else_verifies_it()
    {
        var pcpUser = await app.UserIdAsync(Browsing.Pcp);
        var (memberId, pcp) = (await app.PanelMemberWithoutReleases(), await app.PcpProviderId());
        await app.WithDatabase(async db =>
        {
            db.ProtectedNotes.Add(new ProtectedNote { MemberId = memberId, Content = ProtectedContent.PsychotherapyNotes, AuthorProviderId = await MemberRecordAccess.ProviderOf(db, Browsing.Bh), WrittenOn = app.Today().AddDays(-5), Text = "Session 3: worked on sleep" });
            return await db.SaveChangesAsync();
        });
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today, recordedBy: pcpUser), verified: false);
        var client = await app.SignedInAs(Browsing.Pcp);
        var ask = new Dictionary<string, string> { ["Input.Purpose"] = "Coordinate care" };

        var refused = Browsing.Text(await (await client.SubmitFormAsync($"/Members/{memberId}/Releases/Request?content=PsychotherapyNotes", ask)).Content.ReadAsStringAsync());
        Assert.Contains(ReleaseProblem.AwaitingVerification.Describe(), refused, StringComparison.Ordinal);
        Assert.DoesNotContain("worked on sleep", refused, StringComparison.Ordinal);

        // Her own release: the page says why she may not, and a forged post changes nothing.
        var verifyUrl = $"/Members/{memberId}/Releases/{releaseId}/Verify";
        Assert.Contains("You recorded this release: someone else must verify it.", Browsing.Text(await client.GetStringAsync(verifyUrl)), StringComparison.Ordinal);
        await client.PostFormAsync($"{verifyUrl}?handler=Verify", await client.GetStringAsync(verifyUrl), EveryElement(ReleaseKind.PsychotherapyNotesAuthorization));
        Assert.Equal(ReleaseVerification.AwaitingVerification, await app.WithDatabase(db => db.Releases.Where(r => r.Id == releaseId).Select(r => r.Verification).SingleAsync()));

        var office = await app.SignedInAs(Browsing.PrivacyOfficer);
        var missing = Browsing.Text(await (await office.SubmitFormAsync($"{verifyUrl}?handler=Verify", [])).Content.ReadAsStringAsync());
        Assert.Contains("Tick each element once you have checked it on the signed form.", missing, StringComparison.Ordinal);
        var verified = await office.SubmitFormAsync($"{verifyUrl}?handler=Verify", EveryElement(ReleaseKind.PsychotherapyNotesAuthorization));
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(1, await app.AuditCount(AuditAction.ReleaseVerified, AuditOutcome.Success, memberId));

        var released = await client.SubmitFormAsync($"/Members/{memberId}/Releases/Request?content=PsychotherapyNotes", ask);
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains("worked on sleep", await client.GetStringAsync(released.Headers.Location!.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_the_recorder_reads_it()
    {
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var (memberId, pcp) = (await app.PanelMemberWithoutReleases(skip: 1), await app.PcpProviderId());
        var releaseId = await app.AddReleaseAsync(today => ReleaseTesting.NotesAuthorization(memberId, pcp, today, recordedBy: careManager), verified: false);
        var office = await app.SignedInAs(Browsing.PrivacyOfficer);
        var url = $"/Members/{memberId}/Releases/{releaseId}/Verify?handler=Refuse";

        var noReason = Browsing.Text(await (await office.SubmitFormAsync(url, new() { ["Input.Reason"] = " " })).Content.ReadAsStringAsync());
        Assert.Contains("Say what is wrong with the form", noReason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitFormAsync(url, new() { ["Input.Reason"] = "The signature does not match the one on file" })).StatusCode);

        var list = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Members/{memberId}/Releases"));
        Assert.Contains("Refused to you: The signature does not match the one on file", list, StringComparison.Ordinal);
        Assert.Equal(1, await app.AuditCount(AuditAction.ReleaseVerified, AuditOutcome.Denied, memberId));
    }

    [Fact]
    public async Task A_release_recorded_through_the_form_is_received_awaiting_verification_by_its_recorder()
    {
        var memberId = await app.PanelMemberWithoutReleases(skip: 2);
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Kind", nameof(ReleaseKind.PsychotherapyNotesAuthorization)), new("Input.Information", nameof(ReleasedInformation.PsychotherapyNotes)),
            new("Input.InformationDescription", "Psychotherapy notes"), new("Input.AuthorizedDiscloser", "Dr. Lowe"),
            new("Input.RecipientProviderId", (await app.PcpProviderId()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Purpose", "Coordination"), new("Input.EffectiveOn", app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.ExpiresOn", app.Today().AddDays(200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.SignedOn", app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.SignedBy", nameof(SignerKind.Member)), new("Input.SignerName", "Any Name At All"),
        };

        var response = await (await app.SignedInAs(Browsing.Pcp)).SubmitWithFileAsync($"/Members/{memberId}/Releases/New", form,
            new ReleaseTesting.Upload("form.pdf", ReleaseTesting.Pdf, "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var release = await app.WithDatabase(db => db.Releases.SingleAsync(r => r.MemberId == memberId));
        Assert.Equal(ReleaseVerification.AwaitingVerification, release.Verification);
        Assert.Equal(await app.UserIdAsync(Browsing.Pcp), release.RecordedByUserId);
        Assert.NotNull(release.RecordedAt);
    }
}
