using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

public class SigningInAndOpeningARecord(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("pcp@demo.test", "Coordination for your patients")]
    [InlineData("bh@demo.test", "Your caseload")]
    [InlineData("cm@demo.test", "Coordination queue")]
    [InlineData("admin@demo.test", "Administration")]
    public async Task Each_demo_user_signs_in_to_their_home_page(string email, string heading)
    {
        var page = await browser.SignedInPage(email);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "home-" + email[..email.IndexOf('@', StringComparison.Ordinal)]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_pcp_finds_a_patient_and_reads_their_coordination_timeline()
    {
        var page = await browser.SignedInPage("pcp@demo.test");

        // The urgent PCP finding is first on the PCP's home page; follow it to the member.
        var firstRow = page.Locator("table.table tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync("PCP-FINDING");
        await Assertions.Expect(firstRow).ToContainTextAsync("Urgent");
        await firstRow.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coordination timeline" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Possible suicidal ideation: PHQ-9 item 9 answered 1 (above zero)");
        await Assertions.Expect(page.Locator("#conditions-heading")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "member-summary");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_shows_a_message_and_keeps_the_email()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Work email").FillAsync("cm@demo.test");
        await page.GetByLabel("Password").FillAsync("definitely-wrong-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right");
        await Assertions.Expect(page.GetByLabel("Work email")).ToHaveValueAsync("cm@demo.test");
        await BrowserFixture.Screenshot(page, "sign-in-error");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("cm@demo.test", "/Queue")]
    [InlineData("cm@demo.test", "/")]
    [InlineData("pcp@demo.test", "/Inbox")]
    [InlineData("bh@demo.test", "/")]
    public async Task Pages_fit_a_tablet_without_sideways_scrolling(string email, string path)
    {
        var page = await browser.SignedInPage(email);
        await page.SetViewportSizeAsync(768, 1024);
        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 768px tablet");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }))).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
