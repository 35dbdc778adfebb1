using System.Net;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// Twenty checked wrong passwords lock an account for 15 minutes, against the right password too, and end its open
/// sessions; the sign-in throttle spaces them out first (see <see cref="SignInThrottling"/>). The app's clock times both.
/// </summary>
public class LockingOut(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    private const string Email = "lockout.window@demo.test";

    [Fact]
    public void Locking_needs_twenty_failures() => Assert.Equal(20, app.LockoutThreshold());

    [Fact]
    public async Task The_twentieth_failure_locks_the_account_the_right_password_is_refused_alike_and_after_the_window_it_succeeds()
    {
        await app.CreateUserAsync(Email, CareRoles.CareManager);
        var client = app.NewClient();
        await app.WrongPasswordsAsync(client, Email, 19);
        Assert.Equal((null, 19), await LockState());

        var locking = await app.PatientAttemptAsync(client, Email, "wrong-password-20");
        Assert.Contains(Guessing.RefusedStart, locking, StringComparison.Ordinal);
        var (lockedUntil, _) = await LockState();
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - app.Clock.GetUtcNow(), TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));

        // Locked: the right password gets the very same answer as a wrong one, and no session.
        var rightWhileLocked = await app.PatientAttemptAsync(client, Email, Infrastructure.Demo.DemoData.Password);
        Assert.Contains(Guessing.RefusedStart, rightWhileLocked, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", rightWhileLocked, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        app.Clock.Advance(lockedUntil.Value - app.Clock.GetUtcNow() - TimeSpan.FromSeconds(5));
        Assert.Contains(Guessing.RefusedStart, Browsing.Text(await (await client.SignInAsync(Email)).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Past the window, and past the throttle's wait after that last attempt.
        app.Clock.Advance(SignInThrottle.LongestDelay);
        var signedIn = await client.SignInAsync(Email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_lock_also_ends_the_sessions_already_open()
    {
        const string email = "lockout.sessions@demo.test";
        await app.CreateUserAsync(email, CareRoles.CareManager);
        var open = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await open.SignInAsync(email)).StatusCode);

        // The person keeps working while someone guesses: the session stays open until the lock.
        var guesser = app.NewClient();
        await app.WrongPasswordsAsync(guesser, email, app.LockoutThreshold() - 1,
            between: async () => Assert.Equal(HttpStatusCode.OK, (await open.GetAsync("/")).StatusCode));
        await app.WrongPasswordsAsync(guesser, email, 1);

        var after = await open.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<(DateTimeOffset? LockedUntil, int Failures)> LockState()
    {
        var account = await app.WithDatabase(db => db.Users.Where(u => u.Email == Email).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        return (account.LockoutEnd, account.AccessFailedCount);
    }
}
