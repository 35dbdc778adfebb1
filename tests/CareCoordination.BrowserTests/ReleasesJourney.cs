using CareCoordination.Core.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>A PCP asks for psychotherapy notes: refused, with the reasons, where the member signed nothing; shown, with the notice, where they did.</summary>
public class ReleasesJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_pcp_is_refused_notes_without_an_authorization_and_reads_them_under_one()
    {
        var (withoutRelease, withAuthorization) = await browser.App.WithDatabase(async db =>
        {
            var pcp = await db.Users.Where(u => u.Email == "pcp@demo.test").Select(u => u.ProviderId).SingleAsync();
            var panel = db.Members.Where(m => m.PcpId == pcp);
            return (
                await panel.Where(m => !db.Releases.Any(r => r.MemberId == m.Id)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                await panel.Where(m => db.Releases.Any(r => r.MemberId == m.Id && r.Kind == ReleaseKind.PsychotherapyNotesAuthorization && r.RevokedAt == null && r.RecipientProviderId == pcp
                    && r.Verification == ReleaseVerification.Verified))
                    .Select(m => m.Id).SingleAsync());
        });
        var page = await browser.SignedInPage("pcp@demo.test");

        await RequestNotesAsync(page, withoutRelease);
        var refusal = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("Not released: psychotherapy notes need the member's written permission");
        await Assertions.Expect(refusal).ToContainTextAsync("No signed release for this information is on file.");
        await Assertions.Expect(refusal).ToContainTextAsync("Nothing was disclosed.");
        await BrowserFixture.Screenshot(page, "release-blocked");

        await RequestNotesAsync(page, withAuthorization);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/Members/{withAuthorization}/Releases/Disclosures/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Do not redisclose them; any further disclosure needs a new authorization signed by the member.");
        await Assertions.Expect(page.Locator(".protected-note")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".protected-note").First).ToContainTextAsync("Hannah Lowe, PsyD");
        await BrowserFixture.Screenshot(page, "release-allowed");

        // The disclosure is on the member's record of disclosures, with the one way back to the notes: through the gate.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to releases" }).ClickAsync();
        var disclosures = page.Locator("section[aria-labelledby=disclosures-heading] tbody tr");
        await Assertions.Expect(disclosures).ToHaveCountAsync(1);
        await Assertions.Expect(disclosures.First).ToContainTextAsync("3 psychotherapy notes");
        await Assertions.Expect(disclosures.First).ToContainTextAsync("Show again");
        await BrowserFixture.Screenshot(page, "releases");
        await page.Context.CloseAsync();
    }

    /// <summary>From the member's releases page, the way a PCP goes: the request button, a purpose, and ask.</summary>
    internal static async Task RequestNotesAsync(IPage page, int memberId)
    {
        await page.GotoAsync($"/Members/{memberId}/Releases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Request psychotherapy notes" }).ClickAsync();
        await page.GetByLabel("Why you need them").FillAsync("Coordinate trauma-focused treatment with the member's therapist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for release" }).ClickAsync();
    }
}
