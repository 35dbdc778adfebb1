using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>
/// There is no way back to disclosed notes that skips the gate: showing a disclosure again asks it with the member's
/// releases as they are now, and shows the notes as they were disclosed, nothing written since.
/// </summary>
public class ShowingADisclosureAgain(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task After_the_member_revokes_the_notes_no_longer_show_and_the_refusal_is_audited()
    {
        var (memberId, releaseId, noteTexts) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            var release = await db.Releases.SingleAsync(r => r.Kind == ReleaseKind.PsychotherapyNotesAuthorization && r.RevokedAt == null && r.RecipientProviderId == pcp
                && r.Verification == ReleaseVerification.Verified);
            return (release.MemberId, release.Id, await db.ProtectedNotes.Where(n => n.MemberId == release.MemberId).Select(n => n.Text).ToListAsync());
        });
        var pcpClient = await app.SignedInAs(Browsing.Pcp);
        var resultUrl = (await pcpClient.SubmitFormAsync($"/Members/{memberId}/Releases/Request?content=PsychotherapyNotes",
            new() { ["Input.Purpose"] = "Coordinate care" })).Headers.Location!.ToString();
        var first = Browsing.Text(await pcpClient.GetStringAsync(resultUrl));
        Assert.All(noteTexts, note => Assert.Contains(note, first, StringComparison.Ordinal));

        var careManager = await app.SignedInAs(Browsing.CareManager);
        var revoked = await careManager.SubmitFormAsync($"/Members/{memberId}/Releases/{releaseId}/Revoke", new()
        {
            ["Input.Note"] = "Member revoked by phone, confirmed in writing",
            ["Input.SignedOn"] = app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.InWritingFromTheMember"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var shown = await pcpClient.GetAsync(resultUrl);
        var text = Browsing.Text(await shown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("The member revoked the release.", text, StringComparison.Ordinal);
        Assert.Contains("The notes are not shown", text, StringComparison.Ordinal);
        Assert.All(noteTexts, note => Assert.DoesNotContain(note, text, StringComparison.Ordinal));
        Assert.DoesNotContain(RedisclosureNotices.PsychotherapyNotes, text, StringComparison.Ordinal);
        Assert.Equal(1, await app.AuditCount(AuditAction.ProtectedContentDisclosed, AuditOutcome.Denied, memberId));
        Assert.Equal(1, await app.DisclosureCount(memberId));
    }

    [Fact]
    public async Task A_note_written_after_the_disclosure_is_not_part_of_it()
    {
        var (memberId, author) = await app.WithDatabase(async db =>
        {
            var note = await db.ProtectedNotes.FirstAsync(n => n.Content == ProtectedContent.SubstanceUseDisorderRecords);
            return (note.MemberId, note.AuthorProviderId);
        });
        // Dr. Whitfield (bh@demo.test) takes the member on; the member's single TPO consent covers him.
        await app.WithDatabase(async db =>
        {
            db.CareRelationships.Add(new CareRelationship { MemberId = memberId, ProviderId = await MemberRecordAccess.ProviderOf(db, Browsing.Bh), StartOn = app.Today().AddDays(-1) });
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAs(Browsing.Bh);
        var resultUrl = (await client.SubmitFormAsync($"/Members/{memberId}/Releases/Request?content=SubstanceUseDisorderRecords",
            new() { ["Input.Purpose"] = "Medication management" })).Headers.Location!.ToString();
        await app.WithDatabase(async db =>
        {
            db.ProtectedNotes.Add(new ProtectedNote { MemberId = memberId, Content = ProtectedContent.SubstanceUseDisorderRecords, AuthorProviderId = author, WrittenOn = app.Today().AddDays(1), Text = "Week 9: written after the disclosure." });
            return await db.SaveChangesAsync();
        });

        var text = Browsing.Text(await client.GetStringAsync(resultUrl));

        Assert.Contains(RedisclosureNotices.Part2, text, StringComparison.Ordinal);
        Assert.Contains("Opioid treatment program", text, StringComparison.Ordinal);
        Assert.DoesNotContain("written after the disclosure", text, StringComparison.Ordinal);
    }
}
