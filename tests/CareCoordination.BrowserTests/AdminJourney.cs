using CareCoordination.Core.Providers;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>An administrator adds a PCP to the directory, then an account that signs in as them, and sees both listed.</summary>
public class AdminJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_administrator_adds_a_provider_and_an_account_for_them()
    {
        const string nineDigits = "155509876";
        var npi = nineDigits + Npi.CheckDigitFor(nineDigits);
        var page = await browser.SignedInPage("admin@demo.test");
        await page.GotoAsync("/Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Providers", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a provider" }).ClickAsync();

        await page.GetByLabel("NPI").FillAsync(npi);
        await page.GetByLabel("Given name").FillAsync("Nadia");
        await page.GetByLabel("Family name").FillAsync("Quinlan");
        await page.GetByLabel("Credentials").FillAsync("MD");
        await page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Primary care physician" });
        await page.GetByLabel("Holds prescriptive authority").CheckAsync();
        await page.GetByLabel("Physician group").SelectOptionAsync(new SelectOptionValue { Label = "Harbor Valley Medical Group" });
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("555.010.2188");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add provider" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added Nadia Quinlan, MD.");
        var providerRow = page.Locator("tr", new() { HasText = "Quinlan, Nadia" });
        await Assertions.Expect(providerRow).ToContainTextAsync(npi);
        await Assertions.Expect(providerRow).ToContainTextAsync("no account");

        await page.GotoAsync("/Admin/Users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an account" }).ClickAsync();
        await page.GetByLabel("Work email").FillAsync("nadia.quinlan@demo.test");
        await page.GetByLabel("Display name").FillAsync("Dr. Nadia Quinlan");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "PCP" });
        await page.GetByLabel("Signs in as provider").SelectOptionAsync(new SelectOptionValue { Label = "Quinlan, Nadia, MD" });
        await page.GetByLabel("Password").FillAsync("Welcome!Passw0rd1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added Dr. Nadia Quinlan (PCP).");
        var accountRow = page.Locator("tr", new() { HasText = "nadia.quinlan@demo.test" });
        await Assertions.Expect(accountRow).ToContainTextAsync("Dr. Nadia Quinlan");
        await Assertions.Expect(accountRow).ToContainTextAsync("Nadia Quinlan");

        await page.GotoAsync("/Admin/Providers");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Quinlan, Nadia" })).ToContainTextAsync("nadia.quinlan@demo.test");
        await BrowserFixture.Screenshot(page, "admin-providers");
        await page.Context.CloseAsync();
    }
}
