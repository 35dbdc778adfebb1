using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Tests.Admin;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// Anyone may turn on two-factor sign-in with an authenticator app: a key to type (no QR code, nothing fetched), a code
/// to confirm, ten recovery codes shown once; then signing in asks for a code, or a recovery code, each usable once.
/// </summary>
public class TwoFactorSignIn(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    private async Task<HttpClient> NewCareManager(string email)
    {
        await app.CreateUserAsync(email, CareRoles.CareManager);
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Set_up_shows_the_key_in_groups_of_four_and_as_an_otpauth_link_and_fetches_nothing()
    {
        var client = await NewCareManager("setup.view@demo.test");
        var before = Browsing.Text(await client.GetStringAsync(TwoFactorSteps.Page));
        Assert.Contains("Off You sign in with your password alone.", before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PressAsync("Start")).StatusCode);
        var response = await client.GetAsync(TwoFactorSteps.Page);
        var html = await response.Content.ReadAsStringAsync();

        var key = TwoFactorSteps.SharedKeyOn(html);
        Assert.Equal(32, key.Length);
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", Regex.Match(html, "<kbd>([^<]+)</kbd>").Groups[1].Value);
        Assert.Contains($"otpauth://totp/CareCoordination:setup.view%40demo.test?secret={key}&amp;issuer=CareCoordination&amp;algorithm=SHA1&amp;digits=6&amp;period=30", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(key, TwoFactorSteps.SharedKeyOn(await client.GetStringAsync(TwoFactorSteps.Page)));
    }

    [Fact]
    public async Task Turning_it_on_needs_the_apps_current_code_with_the_reason_next_to_the_field()
    {
        var client = await NewCareManager("setup.checks@demo.test");
        await client.PressAsync("Start");
        var key = TwoFactorSteps.SharedKeyOn(await client.GetStringAsync(TwoFactorSteps.Page));
        var wrong = Totp.WrongCode(key);

        foreach (var (code, message) in new[]
        {
            ("", "Enter the 6-digit code from your authenticator app."),
            ("12a456", "The code is the 6 digits your authenticator app shows now, like 123 456."),
            ("1234567", "The code is the 6 digits your authenticator app shows now, like 123 456."),
            (wrong, "That code does not match, or it was already used."),
        })
        {
            var response = await client.PressAsync("Enable", new() { ["Input.Code"] = code });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.StartsWith(message, AdminForms.MessageFor(html, "Input.Code"), StringComparison.Ordinal);
            Assert.Equal(key, TwoFactorSteps.SharedKeyOn(html));
        }

        Assert.False(await app.WithDatabase(db => db.Users.Where(u => u.Email == "setup.checks@demo.test").Select(u => u.TwoFactorEnabled).SingleAsync()));
        var spaced = Totp.Code(key);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PressAsync("Enable", new() { ["Input.Code"] = $"{spaced[..3]} {spaced[3..]}" })).StatusCode);
        Assert.True(await app.WithDatabase(db => db.Users.Where(u => u.Email == "setup.checks@demo.test").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Turning_it_on_shows_ten_recovery_codes_once_and_is_audited()
    {
        var client = await NewCareManager("setup.codes@demo.test");
        var changes = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged));

        var (_, codes) = await client.TurnOnTwoFactorAsync();

        Assert.Equal(10, codes.Count);
        Assert.All(codes, code => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", code));
        Assert.Equal(10, codes.Distinct().Count());
        var again = await client.GetStringAsync(TwoFactorSteps.Page);
        Assert.Empty(TwoFactorSteps.RecoveryCodesOn(again));
        Assert.Contains("On You sign in with your password and a code from your authenticator app. 10 of 10 recovery codes left.", Browsing.Text(again), StringComparison.Ordinal);
        Assert.Equal(changes + 2, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.DirectoryChanged)));
    }

    [Fact]
    public async Task Signing_in_then_asks_for_the_code_and_each_code_works_once()
    {
        const string email = "code.signin@demo.test";
        var (key, _) = await (await NewCareManager(email)).TurnOnTwoFactorAsync();
        var signIns = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInSucceeded));

        var client = app.NewClient();
        var codeStep = await client.PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var wrong = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = Totp.WrongCode(key) });
        Assert.Equal("That code is not right, or it was already used. Enter the code your app shows now.", AdminForms.MessageFor(await wrong.Content.ReadAsStringAsync(), "Input.Code"));

        var code = Totp.Code(key, stepsFromNow: 1);
        var signedIn = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.ToString());
        Assert.Contains("Coordination queue", Browsing.Text(await client.GetStringAsync("/")), StringComparison.Ordinal);
        Assert.Equal(signIns + 1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInSucceeded)));

        var replay = await app.NewClient().SignInWithCodeAsync(email, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("That code is not right, or it was already used.", Browsing.Text(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_in_place_of_the_app()
    {
        const string email = "recovery.signin@demo.test";
        var (_, codes) = await (await NewCareManager(email)).TurnOnTwoFactorAsync();

        var client = app.NewClient();
        var codeStep = await client.PasswordStepAsync(email);
        var recoveryStep = Regex.Match(await client.GetStringAsync(codeStep), "href=\"(/Account/LoginWithRecoveryCode[^\"]*)\"").Groups[1].Value;
        var malformed = await client.SubmitFormAsync(recoveryStep, new() { ["Input.Code"] = "not-a-code" });
        Assert.Equal("A recovery code is 10 letters and digits, like BCDFG-23456.", AdminForms.MessageFor(await malformed.Content.ReadAsStringAsync(), "Input.Code"));

        var typedCasually = codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(recoveryStep, new() { ["Input.Code"] = typedCasually })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("9 of 10 recovery codes left.", Browsing.Text(await client.GetStringAsync(TwoFactorSteps.Page)), StringComparison.Ordinal);

        var again = app.NewClient();
        await again.PasswordStepAsync(email);
        var reused = await again.SubmitFormAsync("/Account/LoginWithRecoveryCode", new() { ["Input.Code"] = codes[3] });
        Assert.Equal("That recovery code is not right, or it was already used.", AdminForms.MessageFor(await reused.Content.ReadAsStringAsync(), "Input.Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Between_password_and_code_the_browser_is_not_signed_in()
    {
        const string email = "half.signed@demo.test";
        await (await NewCareManager(email)).TurnOnTwoFactorAsync();

        var client = app.NewClient();
        var password = await client.SignInAsync(email);
        var halfway = password.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Identity.TwoFactorUserId=", StringComparison.Ordinal)).Split(';')[0];
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CareCoordination.Session=", StringComparison.Ordinal));

        var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/TwoFactor");
        request.Headers.Add("Cookie", halfway);
        var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Without the password step there is no code step.
        var stranger = await app.NewClient().GetAsync("/Account/LoginWith2fa");
        Assert.Equal("/Account/Login", stranger.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_same_lockout_as_wrong_passwords()
    {
        const string email = "code.lockout@demo.test";
        var (key, _) = await (await NewCareManager(email)).TurnOnTwoFactorAsync();
        var wrong = Totp.WrongCode(key);
        var half = app.LockoutThreshold() / 2;

        // Half the threshold in wrong passwords, then wrong codes after the right password, each after the throttle's wait.
        var client = app.NewClient();
        await app.WrongPasswordsAsync(client, email, half);
        var codeStep = "";
        for (var attempt = 1; attempt <= app.LockoutThreshold() - half; attempt++)
        {
            app.Clock.Advance(SignInThrottle.LongestDelay);
            codeStep = await client.PasswordStepAsync(email);
            var refused = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = wrong });
            var text = Browsing.Text(await refused.Content.ReadAsStringAsync());
            Assert.Contains(attempt < app.LockoutThreshold() - half ? "That code is not right" : "This account is locked after too many failed attempts", text, StringComparison.Ordinal);
        }

        // Past the code throttle's wait (10 wrong codes: 2 minutes 8 seconds), within the password step's five minutes.
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var right = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = Totp.Code(key, stepsFromNow: 1) });
        Assert.Contains("This account is locked", Browsing.Text(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task After_three_wrong_codes_the_next_waits_a_second_unchecked_even_the_right_one()
    {
        const string email = "code.throttle@demo.test";
        var (key, _) = await (await NewCareManager(email)).TurnOnTwoFactorAsync();
        var failures = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInFailed));

        var client = app.NewClient();
        var codeStep = await client.PasswordStepAsync(email);
        for (var attempt = 1; attempt <= SignInThrottle.FreeAccountAttempts; attempt++)
        {
            var wrong = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = Totp.WrongCode(key) });
            Assert.StartsWith("That code is not right", AdminForms.MessageFor(await wrong.Content.ReadAsStringAsync(), "Input.Code"), StringComparison.Ordinal);
        }

        var code = Totp.Code(key, stepsFromNow: 1);
        var throttled = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = code });
        Assert.Equal("Too many codes in a row. Wait a moment, then enter the code shown now.", AdminForms.MessageFor(await throttled.Content.ReadAsStringAsync(), "Input.Code"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var denied = await app.WithDatabase(db => db.AuditEntries.Where(a => a.Action == AuditAction.SignInFailed).OrderBy(a => a.Id).Skip(failures).Select(a => a.Outcome).ToListAsync());
        Assert.Equal([AuditOutcome.Failure, AuditOutcome.Failure, AuditOutcome.Failure, AuditOutcome.Denied], denied);

        // The refused code was never checked, so it is still good once the wait is over.
        app.Clock.Advance(SignInThrottle.FirstDelay);
        var signedIn = await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Turning_it_on_ends_the_accounts_other_sessions_and_keeps_this_one()
    {
        const string email = "other.sessions@demo.test";
        var here = await NewCareManager(email);
        var elsewhere = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SignInAsync(email)).StatusCode);

        await here.TurnOnTwoFactorAsync();

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Turning_it_off_or_new_recovery_codes_need_a_current_code()
    {
        const string email = "turn.off@demo.test";
        var client = await NewCareManager(email);
        await Totp.StartOfAStepAsync(TimeSpan.FromSeconds(10));
        var (key, oldCodes) = await client.TurnOnTwoFactorAsync();

        var noCode = await client.PressAsync("TurnOff", new() { ["Input.Code"] = "" });
        Assert.Equal("Enter the 6-digit code from your authenticator app.", AdminForms.MessageFor(await noCode.Content.ReadAsStringAsync(), "Input.Code"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PressAsync("RecoveryCodes", new() { ["Input.Code"] = Totp.Code(key, stepsFromNow: 1) })).StatusCode);
        var newCodes = TwoFactorSteps.RecoveryCodesOn(await client.GetStringAsync(TwoFactorSteps.Page));
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PressAsync("TurnOff", new() { ["Input.Code"] = Totp.Code(key, stepsFromNow: -1) })).StatusCode);
        var off = Browsing.Text(await client.GetStringAsync(TwoFactorSteps.Page));
        Assert.Contains("Two-factor sign-in is off. You sign in with your password alone.", off, StringComparison.Ordinal);
        // A later set-up gets a new key.
        Assert.NotEqual(key, TwoFactorSteps.SharedKeyOn(await client.GetStringAsync(TwoFactorSteps.Page)));

        var next = await app.NewClient().SignInAsync(email);
        Assert.Equal("/", next.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Every_cookie_of_signing_in_is_http_only_secure_and_strict()
    {
        const string email = "cookie.flags@demo.test";
        var first = await NewCareManager(email);
        var turnOn = await first.PressAsync("Start");
        var key = TwoFactorSteps.SharedKeyOn(await first.GetStringAsync(TwoFactorSteps.Page));
        var enabled = await first.PressAsync("Enable", new() { ["Input.Code"] = Totp.Code(key) });

        var client = app.NewClient();
        var form = await client.GetAsync("/Account/Login");
        var password = await client.PostFormAsync("/Account/Login", await form.Content.ReadAsStringAsync(), new() { ["Input.Email"] = email, ["Input.Password"] = Infrastructure.Demo.DemoData.Password });
        var code = await client.SubmitFormAsync(password.Headers.Location!.ToString(), new() { ["Input.Code"] = Totp.Code(key, stepsFromNow: 1) });

        var cookies = new[] { turnOn, enabled, form, password, code }.SelectMany(r => r.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).ToList();
        foreach (var name in new[] { "CareCoordination.Session", "CareCoordination.Antiforgery", "CareCoordination.TempData", "Identity.TwoFactorUserId" })
        {
            Assert.Contains(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
        }

        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_set_up_page_is_for_signed_in_people()
    {
        var response = await app.NewClient().GetAsync(TwoFactorSteps.Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
