using System.Net;
using CareCoordination.Web.Identity;

namespace CareCoordination.Web.Tests.Account;

/// <summary>Five wrong passwords lock an account for 15 minutes, against the right password too, and end its open sessions; the app's clock times it.</summary>
public class LockingOut(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    private const string Email = "lockout.window@demo.test";

    [Fact]
    public async Task The_sixth_attempt_with_the_right_password_is_refused_and_after_the_lockout_window_it_succeeds()
    {
        await app.CreateUserAsync(Email, CareRoles.CareManager);
        var client = app.NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("The email or password is not right", await MessageAfterSigningIn(client, "wrong-password-" + attempt), StringComparison.Ordinal);
        }

        Assert.Contains("This account is locked after too many failed attempts", await MessageAfterSigningIn(client, "wrong-password-5"), StringComparison.Ordinal);
        Assert.Contains("This account is locked", await MessageAfterSigningIn(client, Infrastructure.Demo.DemoData.Password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(5));
        Assert.Contains("This account is locked", await MessageAfterSigningIn(client, Infrastructure.Demo.DemoData.Password), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(10));
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
        Assert.Equal(HttpStatusCode.OK, (await open.GetAsync("/")).StatusCode);

        var guesser = app.NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await guesser.SignInAsync(email, "guess-number-" + attempt);
        }

        var after = await open.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> MessageAfterSigningIn(HttpClient client, string password)
    {
        var response = await client.SignInAsync(Email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Browsing.Text(await response.Content.ReadAsStringAsync());
    }
}
