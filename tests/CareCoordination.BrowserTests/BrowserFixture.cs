using CareCoordination.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>
/// The app on Kestrel at 127.0.0.1 on a free port, and Debian's Chromium driven by Playwright (no browser download).
/// <c>./test.sh</c> installs Chromium when it is missing; without it these tests fail, they do not skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string AdminEmail = "admin@demo.test";
    private IPlaywright? _playwright;

    public CareAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ChromiumPath,
            Headless = true,
            // The build machines have no outside network: keep Chromium from reaching for it.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser context (its own cookies), signed in as a demo user, on that user's home page.</summary>
    public async Task<IPage> SignedInPage(string email)
    {
        // Administrators give a second factor: here one of their recovery codes, through the page a person would use.
        var recoveryCode = email == AdminEmail ? await App.RecoveryCodeForAsync(email) : null;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Work email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(CareCoordination.Web.Infrastructure.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (recoveryCode is not null)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "recovery code" }).ClickAsync();
            await page.GetByLabel("Recovery code").FillAsync(recoveryCode);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }

        // Waits for the home page to arrive and show its content, not for its load event: in some CI runs Playwright saw the
        // URL and the network go idle but never the load event, and gave up after 30 s on a page that was there.
        await page.WaitForURLAsync(BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("main h1").First.WaitForAsync();
        return page;
    }

    /// <summary>Saves a full-page picture into docs/screenshots for the README. Demo data only: these pages hold no real PHI.</summary>
    public static async Task Screenshot(IPage page, string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareCoordination.sln")))
        {
            directory = directory.Parent;
        }

        var target = Path.Combine(directory!.FullName, "docs", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = target, FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
