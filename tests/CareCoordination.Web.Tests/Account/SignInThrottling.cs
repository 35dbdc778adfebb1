using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// The sign-in page answers every refusal alike, so it never tells whether an email has an account, and it slows
/// guessing long before Identity's lockout: per email (known or not) and per client address.
/// </summary>
public partial class SignInThrottling(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    private const string Uniform =
        "The email or password is not right, or this account cannot sign in right now. Check both and try again in a few minutes; if it still fails, ask an administrator.";

    private static readonly string Password = Infrastructure.Demo.DemoData.Password;

    [Fact]
    public async Task Unknown_wrong_password_locked_disabled_and_throttled_get_byte_identical_answers()
    {
        await app.CreateUserAsync("same.wrong@demo.test", CareRoles.CareManager);
        await app.CreateUserAsync("same.locked@demo.test", CareRoles.CareManager);
        await app.CreateUserAsync("same.disabled@demo.test", CareRoles.CareManager);
        await app.CreateUserAsync("same.throttled@demo.test", CareRoles.CareManager);
        await WithUsers(async users =>
        {
            var locked = (await users.FindByEmailAsync("same.locked@demo.test"))!;
            for (var failure = 0; failure < users.Options.Lockout.MaxFailedAccessAttempts; failure++)
            {
                await users.AccessFailedAsync(locked);
            }

            // What an administrator's Lock does: locked until unlocked.
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("same.disabled@demo.test"))!, DateTimeOffset.MaxValue);
        });
        var thrower = app.NewClient();
        for (var attempt = 0; attempt < SignInThrottle.FreeAccountAttempts; attempt++)
        {
            await thrower.SignInAsync("same.throttled@demo.test", "wrong-" + attempt);
        }

        var answers = new List<(HttpStatusCode Status, string Summary, string Page)>();
        foreach (var (email, password, client) in new[]
        {
            ("nobody.here@demo.test", "some-guess-at-all", app.NewClient()),
            ("same.wrong@demo.test", "some-guess-at-all", app.NewClient()),
            ("same.locked@demo.test", "some-guess-at-all", app.NewClient()),
            ("same.locked@demo.test", Password, app.NewClient()),
            ("same.disabled@demo.test", Password, app.NewClient()),
            ("same.throttled@demo.test", Password, thrower),
        })
        {
            var response = await client.SignInAsync(email, password);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
            // The page echoes the email typed and carries a fresh form token; everything else must be the same bytes.
            var page = Token().Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal), "TOKEN");
            answers.Add((response.StatusCode, Summary().Match(html).Value, page));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains(Uniform, Browsing.Text(answers[0].Summary), StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Equal(answers[0].Summary, a.Summary));
        Assert.All(answers, a => Assert.Equal(answers[0].Page, a.Page));
    }

    [Fact]
    public async Task A_burst_of_wrong_passwords_throttles_the_right_one_too_until_the_clock_passes_the_wait()
    {
        const string email = "burst@demo.test";
        await app.CreateUserAsync(email, CareRoles.CareManager);
        var client = app.NewClient();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            Assert.Contains(Uniform, await TextAfter(client, email, "burst-guess-" + attempt), StringComparison.Ordinal);
        }

        // Only the first three were checked: a burst cannot lock the account.
        Assert.Equal((null, SignInThrottle.FreeAccountAttempts), await LockState(email));
        Assert.Contains(Uniform, await TextAfter(client, email, Password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        app.Clock.Advance(SignInThrottle.FirstDelay - TimeSpan.FromMilliseconds(1));
        Assert.Contains(Uniform, await TextAfter(client, email, Password), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_wait_doubles_with_each_checked_failure_up_to_five_minutes()
    {
        Assert.Equal(
            [0, 0, 0, 1, 2, 4, 8, 256, 300, 300],
            new[] { 0, 1, 2, 3, 4, 5, 6, 11, 12, 500 }.Select(f => (int)SignInThrottle.DelayAfter(f, SignInThrottle.FreeAccountAttempts).TotalSeconds));

        const string email = "doubling@demo.test";
        await app.CreateUserAsync(email, CareRoles.CareManager);
        var client = app.NewClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.SignInAsync(email, "doubling-guess-" + attempt);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.SignInAsync(email, "doubling-guess-4");
        Assert.Equal((null, 4), await LockState(email));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(Uniform, await TextAfter(client, email, Password), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
    }

    [Fact]
    public async Task A_success_starts_the_accounts_count_afresh()
    {
        const string email = "fresh.start@demo.test";
        await app.CreateUserAsync(email, CareRoles.CareManager);
        var client = app.NewClient();
        await client.SignInAsync(email, "fresh-guess-1");
        await client.SignInAsync(email, "fresh-guess-2");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);

        // Three more are all checked (Identity counts each), the next waits.
        var other = app.NewClient();
        for (var attempt = 0; attempt < SignInThrottle.FreeAccountAttempts; attempt++)
        {
            await other.SignInAsync(email, "fresh-again-" + attempt);
        }

        Assert.Equal((null, SignInThrottle.FreeAccountAttempts), await LockState(email));
        Assert.Contains(Uniform, await TextAfter(other, email, Password), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_attempts_are_audited_as_refused_sign_ins_with_the_account_when_there_is_one()
    {
        const string email = "audited.throttle@demo.test";
        var id = await app.CreateUserAsync(email, CareRoles.CareManager);
        var before = await app.WithDatabase(db => db.AuditEntries.CountAsync());
        var client = app.NewClient();
        for (var attempt = 0; attempt < SignInThrottle.FreeAccountAttempts + 2; attempt++)
        {
            await client.SignInAsync(email, "audited-guess-" + attempt);
        }

        for (var attempt = 0; attempt < SignInThrottle.FreeAccountAttempts + 1; attempt++)
        {
            await client.SignInAsync("no.account.audited@demo.test", "audited-guess-" + attempt);
        }

        var entries = await app.WithDatabase(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync());
        Assert.All(entries, e => Assert.Equal(AuditAction.SignInFailed, e.Action));
        Assert.Equal(
            [.. Enumerable.Repeat((AuditOutcome.Failure, (string?)id), 3), .. Enumerable.Repeat((AuditOutcome.Denied, (string?)id), 2),
             .. Enumerable.Repeat((AuditOutcome.Failure, (string?)null), 3), (AuditOutcome.Denied, null)],
            entries.Select(e => (e.Outcome, e.UserId)));
    }

    [Fact]
    public async Task One_client_spraying_many_accounts_is_slowed_and_other_clients_are_not()
    {
        const string target = "sprayed@demo.test";
        await app.CreateUserAsync(target, CareRoles.CareManager);
        var sprayer = app.NewClient();
        for (var account = 0; account < SignInThrottle.FreeAddressAttempts; account++)
        {
            Assert.Contains(Uniform, await TextAfter(sprayer, $"spray.{account}@demo.test", "Spring2026!!"), StringComparison.Ordinal);
        }

        // Each email was tried once, yet the next attempt from this client is refused unchecked, right password or not.
        Assert.Contains(Uniform, await TextAfter(sprayer, target, Password), StringComparison.Ordinal);
        Assert.Equal((null, 0), await LockState(target));

        var colleague = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.SignInAsync(target)).StatusCode);

        app.Clock.Advance(SignInThrottle.FirstDelay);
        Assert.Equal(HttpStatusCode.Redirect, (await sprayer.SignInAsync(target)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_costs_a_password_hash_as_a_wrong_password_does_so_the_time_taken_tells_nothing()
    {
        var email = "hashed.either.way@demo.test";
        await app.CreateUserAsync(email, CareRoles.CareManager);

        foreach (var tried in new[] { "hashed.nobody@demo.test", email })
        {
            var before = app.Hasher.Verifications;
            Assert.Equal(HttpStatusCode.OK, (await app.NewClient().SignInAsync(tried, "a-wrong-guess-here")).StatusCode);
            Assert.Equal(before + 1, app.Hasher.Verifications);
        }
    }

    private static async Task<string> TextAfter(HttpClient client, string email, string password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Browsing.Text(await response.Content.ReadAsStringAsync());
    }

    private async Task<(DateTimeOffset?, int)> LockState(string email)
    {
        var account = await app.WithDatabase(db => db.Users.Where(u => u.Email == email).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        return (account.LockoutEnd, account.AccessFailedCount);
    }

    private async Task WithUsers(Func<UserManager<CareUser>, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>());
    }

    [GeneratedRegex("<div class=\"[^\"]*validation-summary-errors[^\"]*\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|value=\"[^\"]*\" name=\"__RequestVerificationToken\"|<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex Token();
}
