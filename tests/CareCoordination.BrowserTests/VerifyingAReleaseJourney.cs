using CareCoordination.Core.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>
/// Nobody grants themselves access: the PCP put an authorization naming herself on file; it releases nothing, she cannot
/// verify it, and once the privacy office has checked it element by element the gate lets it go.
/// </summary>
public class VerifyingAReleaseJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_self_recorded_authorization_is_refused_until_the_privacy_office_verifies_it()
    {
        var (memberId, releaseId) = await browser.App.WithDatabase(async db =>
        {
            var pcp = await db.Users.SingleAsync(u => u.Email == "pcp@demo.test");
            var release = await db.Releases.SingleAsync(r => r.RecordedByUserId == pcp.Id && r.RecipientProviderId == pcp.ProviderId
                && r.Verification == ReleaseVerification.AwaitingVerification);
            return (release.MemberId, release.Id);
        });
        var pcpPage = await browser.SignedInPage("pcp@demo.test");

        await ReleasesJourney.RequestNotesAsync(pcpPage, memberId);
        var refusal = pcpPage.GetByRole(AriaRole.Alert);
        await Assertions.Expect(refusal).ToContainTextAsync("awaiting verification against the signed form by the privacy office");
        await Assertions.Expect(refusal).ToContainTextAsync("Nothing was disclosed.");

        await pcpPage.GotoAsync($"/Members/{memberId}/Releases");
        var row = pcpPage.Locator($"#release-{releaseId}");
        await Assertions.Expect(row).ToContainTextAsync("received, awaiting verification");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Verify" })).ToHaveCountAsync(0);
        await pcpPage.GotoAsync($"/Members/{memberId}/Releases/{releaseId}/Verify");
        await Assertions.Expect(pcpPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("You recorded this release: someone else must verify it.");
        await Assertions.Expect(pcpPage.GetByRole(AriaRole.Button, new() { Name = "Verify: every element is on the form" })).ToHaveCountAsync(0);

        var office = await browser.SignedInPage("privacy@demo.test");
        await office.GetByRole(AriaRole.Link, new() { Name = "Privacy office", Exact = true }).ClickAsync();
        await office.Locator($"a[href='/Members/{memberId}/Releases/{releaseId}/Verify']").ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "Verify: every element is on the form" }).ClickAsync();
        await Assertions.Expect(office.Locator("span[data-valmsg-for=Attested], .field-validation-error").First).ToContainTextAsync("Tick each element");
        foreach (var box in await office.Locator("input[name=Attested]").AllAsync())
        {
            await box.CheckAsync();
        }

        await BrowserFixture.Screenshot(office, "release-verify");
        await office.GetByRole(AriaRole.Button, new() { Name = "Verify: every element is on the form" }).ClickAsync();
        await office.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/Members/{memberId}/Releases"));
        await Assertions.Expect(office.Locator($"#release-{releaseId}")).ToContainTextAsync("verified");

        await ReleasesJourney.RequestNotesAsync(pcpPage, memberId);
        await Assertions.Expect(pcpPage.GetByRole(AriaRole.Status)).ToContainTextAsync("The member's release allows it");
        await office.Context.CloseAsync();
        await pcpPage.Context.CloseAsync();
    }
}
