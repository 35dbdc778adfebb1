using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>Someone on the care team records a release the member signed, every element of it, with the scanned form.</summary>
public class RecordingASignedRelease(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static readonly ReleaseTesting.Upload PdfScan = new("signed-release.pdf", ReleaseTesting.Pdf, "application/pdf");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A complete psychotherapy-notes authorization to the demo PCP, as typed into the form; tests change what they need.</summary>
    private async Task<List<KeyValuePair<string, string>>> Form(Action<Dictionary<string, string>>? change = null, params ReleasedInformation[] information)
    {
        var today = app.Today();
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ReleaseKind.PsychotherapyNotesAuthorization),
            ["Input.InformationDescription"] = "Notes from weekly sessions with Dr. Lowe",
            ["Input.AuthorizedDiscloser"] = "Dr. Hannah Lowe, PsyD",
            ["Input.RecipientProviderId"] = (await app.PcpProviderId()).ToString(CultureInfo.InvariantCulture),
            ["Input.RecipientPpgId"] = "",
            ["Input.Purpose"] = "So my PCP can follow my trauma treatment",
            ["Input.EffectiveOn"] = Iso(today.AddDays(-2)),
            ["Input.ExpiresOn"] = Iso(today.AddDays(363)),
            ["Input.ExpirationEvent"] = "End of treatment with Dr. Lowe",
            ["Input.SignedOn"] = Iso(today.AddDays(-2)),
            ["Input.SignedBy"] = nameof(SignerKind.Member),
            ["Input.SignerName"] = "Riley Member",
            ["Input.RepresentativeAuthority"] = "",
        };
        change?.Invoke(fields);
        return [.. fields, .. (information.Length == 0 ? [ReleasedInformation.PsychotherapyNotes] : information)
            .Select(i => KeyValuePair.Create("Input.Information", i.ToString()))];
    }

    private Task<int> ReleaseCount(int memberId) => app.WithDatabase(db => db.Releases.CountAsync(r => r.MemberId == memberId));

    [Fact]
    public async Task A_release_is_saved_with_every_element_its_scan_and_an_audit_entry_then_listed_as_active()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.CareManager);
        var url = $"/Members/{memberId}/Releases/New";

        var response = await client.SubmitWithFileAsync(url, await Form(), PdfScan);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Members/{memberId}/Releases", response.Headers.Location!.ToString());
        var today = app.Today();
        var (release, document, audited) = await app.WithDatabase(async db =>
        {
            var release = await db.Releases.SingleAsync(r => r.MemberId == memberId);
            return (release, await db.ReleaseDocuments.SingleAsync(d => d.ReleaseId == release.Id),
                await db.AuditEntries.CountAsync(a => a.Action == AuditAction.ReleaseRecorded && a.MemberId == memberId && a.Outcome == AuditOutcome.Success));
        });
        Assert.Equal((ReleaseKind.PsychotherapyNotesAuthorization, ReleasedInformation.PsychotherapyNotes), (release.Kind, release.Information));
        Assert.Equal(("Notes from weekly sessions with Dr. Lowe", "Dr. Hannah Lowe, PsyD", "So my PCP can follow my trauma treatment"),
            (release.InformationDescription, release.AuthorizedDiscloser, release.Purpose));
        Assert.Equal((await app.PcpProviderId(), (int?)null), (release.RecipientProviderId, release.RecipientPpgId));
        Assert.Equal((today.AddDays(-2), today.AddDays(363), "End of treatment with Dr. Lowe"), (release.EffectiveOn, release.ExpiresOn!.Value, release.ExpirationEvent));
        Assert.Equal((today.AddDays(-2), SignerKind.Member, "Riley Member", (string?)null), (release.SignedOn, release.SignedBy, release.SignerName, release.RepresentativeAuthority));
        Assert.False(release.CoversTreatmentPaymentAndOperations);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(ReleaseTesting.Pdf, document.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ReleaseTesting.Pdf)), document.Sha256);
        Assert.Equal(1, audited);

        var list = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Psychotherapy notes authorization", list, StringComparison.Ordinal);
        Assert.Contains("So my PCP can follow my trauma treatment", list, StringComparison.Ordinal);
        Assert.Contains("whichever comes first", list, StringComparison.Ordinal);
        Assert.Contains(" active ", list, StringComparison.Ordinal);
        Assert.Contains("Signed form", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan.png", "png", "image/png")]
    [InlineData("scan.jpg", "jpeg", "image/jpeg")]
    [InlineData("scan.pdf", "png", "image/png")] // named and sent as a PDF, but the bytes are a PNG: the bytes decide
    public async Task A_scan_is_stored_as_what_its_bytes_are_whatever_it_is_called(string fileName, string format, string storedAs)
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var bytes = format == "png" ? ReleaseTesting.Png : ReleaseTesting.Jpeg;

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", await Form(),
            new(fileName, bytes, fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : storedAs));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var document = await app.WithDatabase(db => db.ReleaseDocuments.SingleAsync(d => db.Releases.Any(r => r.Id == d.ReleaseId && r.MemberId == memberId)));
        Assert.Equal(storedAs, document.ContentType);
        Assert.Equal(bytes, document.Content);
    }

    [Fact]
    public async Task A_text_file_renamed_pdf_is_refused_the_input_is_kept_and_the_file_must_be_chosen_again()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", await Form(),
            new("release.pdf", "I agree to release my notes. Signed, Riley"u8.ToArray(), "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("The file is not a PDF, PNG or JPEG: its content was checked, not its name.", text, StringComparison.Ordinal);
        Assert.Contains("Choose the file again", text, StringComparison.Ordinal);
        Assert.Contains("So my PCP can follow my trauma treatment", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Riley Member\"", html, StringComparison.Ordinal);
        Assert.Matches("value=\"PsychotherapyNotes\"[^>]*checked", html);
        Assert.Equal(0, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task A_scan_over_10_MB_is_refused_next_to_the_field_with_the_rest_kept()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var tooBig = new byte[SignedDocumentFormat.MaxBytes + 1];
        ReleaseTesting.Pdf.CopyTo(tooBig, 0);

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", await Form(), new("big.pdf", tooBig, "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The file is larger than 10 MB.", Browsing.Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"Riley Member\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task A_scan_twice_the_limit_still_gets_its_message_next_to_the_field()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var huge = new byte[SignedDocumentFormat.MaxBytes * 2];
        ReleaseTesting.Pdf.CopyTo(huge, 0);

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", await Form(), new("huge.pdf", huge, "application/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The file is larger than 10 MB.", Browsing.Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"Riley Member\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task An_upload_beyond_what_the_server_reads_is_turned_back_to_the_form_with_a_clear_message()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var url = $"/Members/{memberId}/Releases/New";
        var enormous = new byte[Pages.Releases.NewModel.RequestLimit + 1];
        ReleaseTesting.Pdf.CopyTo(enormous, 0);

        var response = await client.SubmitWithFileAsync(url, await Form(), new("enormous.pdf", enormous, "application/pdf"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.ToString());
        var text = Browsing.Text(await client.GetStringAsync(url));
        Assert.Contains("The file you chose was far larger than 10 MB, so the form could not be received.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("far larger", Browsing.Text(await client.GetStringAsync(url)), StringComparison.Ordinal); // said once
        Assert.Equal(0, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task An_empty_form_gets_a_message_next_to_each_missing_element_and_saves_nothing()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", [], upload: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        string[] expected =
        [
            "Choose the kind of release.", "Tick the information the release names.", "Describe the information in the form's own words.",
            "Name who may disclose it: a person, or a class of persons.", "Choose the recipient: a provider, or a PPG.", "State the purpose the form gives.",
            "Enter the date it was signed.", "Enter the date it takes effect.", "Enter an expiration date, an expiration event, or both.",
            "Say who signed: the member, or a personal representative.", "Enter the signer's name as signed.", "Attach the signed form: a PDF, PNG or JPEG scan.",
        ];
        Assert.All(expected, message => Assert.Contains(message, text, StringComparison.Ordinal));
        Assert.Equal(0, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task A_personal_representative_needs_their_authority_recorded()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var form = await Form(f => (f["Input.SignedBy"], f["Input.SignerName"]) = (nameof(SignerKind.PersonalRepresentative), "Pat Parent"));

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", form, PdfScan);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Record the authority the representative acts under", Browsing.Text(html), StringComparison.Ordinal);
        Assert.Matches("value=\"PersonalRepresentative\"[^>]*checked", html);
        Assert.Equal(0, await ReleaseCount(memberId));

        form = await Form(f => (f["Input.SignedBy"], f["Input.SignerName"], f["Input.RepresentativeAuthority"]) =
            (nameof(SignerKind.PersonalRepresentative), "Pat Parent", "Parent of a minor"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", form, PdfScan)).StatusCode);
        var saved = await app.WithDatabase(db => db.Releases.SingleAsync(r => r.MemberId == memberId));
        Assert.Equal((SignerKind.PersonalRepresentative, "Pat Parent", "Parent of a minor"), (saved.SignedBy, saved.SignerName, saved.RepresentativeAuthority));
    }

    [Fact]
    public async Task The_recipient_is_a_provider_or_a_ppg_never_both_nor_neither()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var ppg = await app.WithDatabase(db => db.Ppgs.OrderBy(g => g.Id).Select(g => g.Id).FirstAsync());
        var url = $"/Members/{memberId}/Releases/New";

        var both = await client.SubmitWithFileAsync(url, await Form(f => f["Input.RecipientPpgId"] = ppg.ToString(CultureInfo.InvariantCulture)), PdfScan);
        var neither = await client.SubmitWithFileAsync(url, await Form(f => f["Input.RecipientProviderId"] = ""), PdfScan);
        var unknown = await client.SubmitWithFileAsync(url, await Form(f => f["Input.RecipientProviderId"] = "999999"), PdfScan);

        Assert.Contains("Choose a provider or a PPG, not both.", Browsing.Text(await both.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Choose the recipient: a provider, or a PPG.", Browsing.Text(await neither.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Choose a provider from the directory.", Browsing.Text(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await ReleaseCount(memberId));

        var toPpg = await client.SubmitWithFileAsync(url, await Form(f => (f["Input.RecipientProviderId"], f["Input.RecipientPpgId"]) = ("", ppg.ToString(CultureInfo.InvariantCulture))), PdfScan);
        Assert.Equal(HttpStatusCode.Redirect, toPpg.StatusCode);
        Assert.Equal(((int?)null, (int?)ppg), await app.WithDatabase(db => db.Releases.Where(r => r.MemberId == memberId).Select(r => ValueTuple.Create(r.RecipientProviderId, r.RecipientPpgId)).SingleAsync()));
    }

    [Fact]
    public async Task Dates_and_scope_that_contradict_the_kind_of_release_are_refused()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var today = app.Today();
        var form = await Form(f =>
        {
            f["Input.SignedOn"] = Iso(today.AddDays(1));
            f["Input.EffectiveOn"] = Iso(today.AddDays(-5));
            f["Input.ExpiresOn"] = Iso(today.AddDays(-6));
            f["Input.CoversTreatmentPaymentAndOperations"] = "true";
        }, ReleasedInformation.MentalHealthRecords);

        var response = await client.SubmitWithFileAsync($"/Members/{memberId}/Releases/New", form, PdfScan);

        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        string[] expected =
        [
            "The signing date cannot be in the future.", "A release cannot take effect before it was signed.", "It cannot expire before it takes effect.",
            "A psychotherapy-notes authorization must name psychotherapy notes.", "Only a Part 2 consent can cover treatment, payment and health care operations.",
        ];
        Assert.All(expected, message => Assert.Contains(message, text, StringComparison.Ordinal));
        Assert.Equal(0, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_records_one_release()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var client = await app.SignedInAs(Browsing.Pcp);
        var url = $"/Members/{memberId}/Releases/New";
        var submission = Browsing.HiddenValue(await client.GetStringAsync(url), "SubmissionId")!;
        var form = await Form();
        form.Add(KeyValuePair.Create("SubmissionId", submission));

        var first = await client.SubmitWithFileAsync(url, form, PdfScan);
        var second = await client.SubmitWithFileAsync(url, form, PdfScan);

        Assert.Equal((HttpStatusCode.Redirect, first.Headers.Location), (second.StatusCode, second.Headers.Location));
        Assert.Equal(1, await ReleaseCount(memberId));
    }

    [Fact]
    public async Task A_member_the_user_cannot_see_is_not_found_and_administrators_are_turned_away()
    {
        var offPanel = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId != pcp).Select(m => m.Id).FirstAsync();
        });
        var pcp = await app.SignedInAs(Browsing.Pcp);
        Assert.Equal(HttpStatusCode.NotFound, (await pcp.GetAsync($"/Members/{offPanel}/Releases/New")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pcp.GetAsync("/Members/999999/Releases/New")).StatusCode);

        var admin = await (await app.SignedInAs(Browsing.Admin)).GetAsync($"/Members/{offPanel}/Releases/New");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/Account/AccessDenied", admin.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
