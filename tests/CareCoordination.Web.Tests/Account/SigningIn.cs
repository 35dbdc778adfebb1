using System.Net;
using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Account;

/// <summary>Signing in and out with a password; the administrators' two-factor rule is off here (see <see cref="AdministratorsNeedTwoFactor"/>).</summary>
public class SigningIn(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Browsing.Pcp, "Coordination for your patients")]
    [InlineData(Browsing.Bh, "Your caseload")]
    [InlineData(Browsing.CareManager, "Coordination queue")]
    [InlineData(Browsing.Admin, "Administration")]
    public async Task Each_demo_user_lands_on_their_roles_home(string email, string heading)
    {
        var client = await app.SignedInAs(email);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var text = Browsing.Text(await home.Content.ReadAsStringAsync());
        Assert.Contains(heading, text, StringComparison.Ordinal);
        foreach (var other in new[] { "Coordination for your patients", "Your caseload", "Coordination queue", "Administration" }.Where(h => h != heading))
        {
            Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_secure_and_strict()
    {
        var response = await app.NewClient().SignInAsync(Browsing.Pcp);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("CareCoordination.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var client = app.NewClient();
        var response = await client.SignInAsync(Browsing.CareManager, "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or password is not right", Browsing.Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"cm@demo.test\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password-at-all", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var unknown = await app.NewClient().SignInAsync("nobody@demo.test", "whatever-password");
        Assert.Contains("The email or password is not right", Browsing.Text(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_or_malformed_input_gets_a_message_next_to_the_field()
    {
        var response = await app.NewClient().SignInAsync("not-an-email", "");
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter an email address like name@clinic.org.", text, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_failures_lock_the_account_even_against_the_right_password_with_the_same_answer()
    {
        await CreateUser("locked.test@demo.test");
        var client = app.NewClient();
        await app.WrongPasswordsAsync(client, "locked.test@demo.test", app.LockoutThreshold());

        app.Clock.Advance(Identity.SignInThrottle.LongestDelay);
        var response = await client.SignInAsync("locked.test@demo.test", Infrastructure.Demo.DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(Guessing.RefusedStart, text, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_successes_and_failures_are_audited_without_credentials()
    {
        var before = await app.WithDatabase(db => db.AuditEntries.CountAsync());
        await app.NewClient().SignInAsync(Browsing.Pcp);
        await app.NewClient().SignInAsync(Browsing.Pcp, "wrong-password-here");

        var entries = await app.WithDatabase(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync());
        Assert.Equal([AuditAction.SignInSucceeded, AuditAction.SignInFailed], entries.Select(e => e.Action));
        Assert.Equal([AuditOutcome.Success, AuditOutcome.Failure], entries.Select(e => e.Outcome));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));
        Assert.All(entries, e => Assert.NotNull(e.UserId));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copied_cookie()
    {
        var client = app.NewClient();
        var signIn = await client.SignInAsync(Browsing.Pcp);
        var sessionCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CareCoordination.Session=", StringComparison.Ordinal)).Split(';')[0];
        var home = await client.GetStringAsync("/");

        var response = await client.PostFormAsync("/Account/Logout", home, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        var replay = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", sessionCookie);
        var replayed = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/Account/Login", replayed.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_refused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Identity.CareUser>>();
        var user = new Identity.CareUser { UserName = "short@demo.test", Email = "short@demo.test", DisplayName = "Short" };

        var shortResult = await users.CreateAsync(user, "Sh0rt!Pass1");
        Assert.Contains(shortResult.Errors, e => e.Code == "PasswordTooShort");
        Assert.True((await users.CreateAsync(user, "Long3nough!Pw")).Succeeded);
    }

    private async Task CreateUser(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Identity.CareUser>>();
        var result = await users.CreateAsync(new Identity.CareUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Lockout Test" }, Infrastructure.Demo.DemoData.Password);
        Assert.True(result.Succeeded);
        await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, Identity.CareRoles.CareManager);
    }
}
