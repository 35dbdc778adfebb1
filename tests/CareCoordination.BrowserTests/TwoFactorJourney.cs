using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace CareCoordination.BrowserTests;

/// <summary>
/// A clinician turns on two-factor sign-in: types the shared key into an authenticator (here, the test computes RFC 6238
/// codes from the key it reads off the page), confirms a code, sees the recovery codes once, signs out, and signs in
/// again with the password and a code.
/// </summary>
public class TwoFactorJourney(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clinician_turns_on_two_factor_and_signs_in_with_a_code()
    {
        var page = await browser.SignedInPage("bh@demo.test");
        await page.GotoAsync("/Account/TwoFactor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor sign-in" }).ClickAsync();

        var key = (await page.GetByLabel("Shared key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "otpauth://totp/CareCoordination:bh%40demo.test?secret=" + key })).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "two-factor");

        await page.GetByLabel("Code from your app").FillAsync(AuthenticatorCode(key, stepsFromNow: 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-factor sign-in is on.");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Work email").FillAsync("bh@demo.test");
        await page.GetByLabel("Password").FillAsync(CareCoordination.Web.Infrastructure.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
        // The code of the next 30-second step: the one used to turn it on cannot be used twice.
        await page.GetByLabel("Authenticator code").FillAsync(AuthenticatorCode(key, stepsFromNow: 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(browser.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your caseload", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>What an authenticator app shows: RFC 6238 over the Base32 key, HMAC-SHA1, 30-second steps, 6 digits.</summary>
    private static string AuthenticatorCode(string base32Key, int stepsFromNow)
    {
        var key = new List<byte>();
        var (buffer, bits) = (0, 0);
        foreach (var c in base32Key)
        {
            buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                key.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsFromNow);
        // RFC 6238 codes, as every authenticator app computes them, are HMAC-SHA1: here it is the specification, not a choice.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData([.. key], counter);
#pragma warning restore CA5350
        var truncated = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(hash[^1] & 0x0f, 4)) & 0x7fffffff;
        return (truncated % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
