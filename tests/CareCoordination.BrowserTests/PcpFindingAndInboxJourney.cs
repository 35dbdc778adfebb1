using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>A PCP logs a finding with a suicide-risk answer and sees the crisis guidance; then works the coordination inbox.</summary>
public class PcpFindingAndInboxJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_pcp_records_an_urgent_finding_and_sees_crisis_guidance()
    {
        var memberId = await browser.App.WithDatabase(async db =>
        {
            var pcp = (await db.Users.SingleAsync(u => u.Email == "pcp@demo.test")).ProviderId;
            return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Skip(4).Select(m => m.Id).FirstAsync();
        });
        var page = await browser.SignedInPage("pcp@demo.test");
        await page.GotoAsync($"/Members/{memberId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a finding" }).ClickAsync();

        await page.GetByLabel("Suspected problem").SelectOptionAsync("Depression");
        await page.GetByLabel("PHQ-9", new() { Exact = true }).FillAsync("16");
        await page.GetByLabel("PHQ-9 item 9").FillAsync("2");
        await page.GetByLabel("Routine: advise the member").CheckAsync();
        await page.GetByLabel("I discussed sharing").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save finding" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Possible suicidal ideation: act today");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("988");
        await Assertions.Expect(page.Locator(".flag")).ToContainTextAsync("PHQ-9 item 9 answered 2 (above zero)");
        await Assertions.Expect(page.Locator(".flag")).ToContainTextAsync("Behavioral Health Provider Services");
        await BrowserFixture.Screenshot(page, "pcp-finding");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_pcp_acknowledges_a_coordination_message_from_behavioral_health()
    {
        var page = await browser.SignedInPage("pcp@demo.test");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        var first = page.Locator("article.card").First;
        await Assertions.Expect(first).ToContainTextAsync("no psychotherapy notes are included");
        await BrowserFixture.Screenshot(page, "pcp-inbox");

        var subject = await first.Locator("h3").InnerTextAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Acknowledged");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(subject[(subject.LastIndexOf(' ') + 1)..]);
        await page.Context.CloseAsync();
    }
}
