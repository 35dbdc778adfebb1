using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>A psychiatrist starts a psychotropic for a member in his care and sees that the PCP was told, and why.</summary>
public class BhPrescribingJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Lamotrigine = "N03AX09";

    [Fact]
    public async Task A_psychiatrist_starts_an_antidepressant_and_sees_the_t1_flag_and_the_message_to_the_pcp()
    {
        // A member of Dr. Whitfield's caseload on lamotrigine, so the new antidepressant is an added agent.
        var member = await browser.App.WithDatabase(async db =>
        {
            var whitfield = (await db.Users.SingleAsync(u => u.Email == "bh@demo.test")).ProviderId;
            return await db.Members
                .Where(m => db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield && r.EndOn == null))
                .Where(m => db.MedicationOrders.Any(o => o.MemberId == m.Id && o.AtcCode == Lamotrigine && o.StopOn == null))
                .OrderBy(m => m.Id).Select(m => new { m.Id, Name = m.GivenName + " " + m.FamilyName }).FirstAsync();
        });
        var page = await browser.SignedInPage("bh@demo.test");

        await page.GetByRole(AriaRole.Link, new() { Name = member.Name, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Prescriptions", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Medications", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.table")).ToContainTextAsync("lamotrigine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a medication" }).ClickAsync();

        await page.GetByLabel("Drug", new() { Exact = true }).FillAsync("escitalopram");
        await page.GetByLabel("Dose", new() { Exact = true }).FillAsync("10");
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("mg");
        await page.GetByLabel("Frequency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "once daily" });
        await page.GetByLabel("Sharing with the member's PCP was discussed with the member").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start medication" }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/Members/{member.Id}/Events/\\d+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Started escitalopram 10 mg once daily" })).ToBeVisibleAsync();
        var flag = page.Locator("article.flag");
        await Assertions.Expect(flag).ToHaveCountAsync(1);
        await Assertions.Expect(flag).ToContainTextAsync("T1");
        await Assertions.Expect(flag).ToContainTextAsync("Escitalopram (antidepressant) was added to lamotrigine.");
        var message = page.Locator("section[aria-labelledby='message-heading']");
        await Assertions.Expect(message.GetByRole(AriaRole.Heading, new() { Name = "Sent to the PCP's inbox" })).ToBeVisibleAsync();
        await Assertions.Expect(message).ToContainTextAsync("What happened: Started escitalopram 10 mg once daily");
        await Assertions.Expect(message).ToContainTextAsync("T1 Psychotropic start or change: Escitalopram (antidepressant) was added to lamotrigine.");
        await Assertions.Expect(message).ToContainTextAsync("Sharing was discussed with the member.");
        await BrowserFixture.Screenshot(page, "bh-prescription");
        await page.Context.CloseAsync();
    }
}
