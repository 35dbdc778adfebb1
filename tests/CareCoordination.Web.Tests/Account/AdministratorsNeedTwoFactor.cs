using System.Net;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// Administrators change accounts and roles, so outside development an administrator without two-factor sign-in is sent
/// to set it up, and can open nothing else (except signing out) until it is on; then it cannot be turned off.
/// </summary>
public class AdministratorsNeedTwoFactor(AdminsNeedTwoFactorAppFactory app) : IClassFixture<AdminsNeedTwoFactorAppFactory>
{
    private async Task<HttpClient> NewAdministrator(string email)
    {
        await app.CreateUserAsync(email, CareRoles.Admin);
        var client = app.NewClient();
        var signIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Admin")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/New")]
    [InlineData("/Admin/Settings")]
    public async Task An_administrator_without_it_is_sent_to_set_it_up_from_every_page(string path)
    {
        var client = await NewAdministrator($"admin.{path.Length}.{path.Count(c => c == '/')}@demo.test");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/TwoFactor", response.Headers.Location!.ToString());
        var setUp = Browsing.Text(await client.GetStringAsync("/Account/TwoFactor"));
        Assert.Contains("Administrators must use two-factor sign-in. Set it up to continue", setUp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_can_be_changed_before_it_is_on_but_signing_out_works()
    {
        var client = await NewAdministrator("admin.posts@demo.test");
        var setUpPage = await client.GetStringAsync("/Account/TwoFactor");

        var post = await client.PostFormAsync("/Admin/Users/New", setUpPage, new()
        {
            ["Input.Email"] = "sneaked.in@demo.test",
            ["Input.DisplayName"] = "Sneaked In",
            ["Input.Role"] = CareRoles.Admin,
            ["Input.Password"] = "Harbor-Lantern-Quiet-42",
            ["SubmissionId"] = Guid.NewGuid().ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/Account/TwoFactor", post.Headers.Location!.ToString());
        Assert.False(await app.WithDatabase(db => db.Users.AnyAsync(u => u.Email == "sneaked.in@demo.test")));
        var signOut = await client.PostFormAsync("/Account/Logout", setUpPage, []);
        Assert.Equal("/Account/Login", signOut.Headers.Location!.ToString());
        Assert.StartsWith("https://localhost/Account/Login", (await client.GetAsync("/")).Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_it_is_on_administration_opens_it_stays_on_and_signing_in_asks_for_the_code()
    {
        const string email = "admin.enrolled@demo.test";
        var client = await NewAdministrator(email);
        var (key, _) = await client.TurnOnTwoFactorAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
        var manage = await client.GetStringAsync(TwoFactorSteps.Page);
        Assert.DoesNotContain("handler=TurnOff", manage, StringComparison.Ordinal);
        Assert.Contains("Administrators keep two-factor sign-in on.", Browsing.Text(manage), StringComparison.Ordinal);
        var refused = await client.PostFormAsync($"{TwoFactorSteps.Page}?handler=TurnOff", manage, new()
        {
            ["Input.Code"] = Totp.Code(key, stepsFromNow: 1),
            ["SubmissionId"] = Browsing.HiddenValue(manage, "SubmissionId")!,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Administrators must keep two-factor sign-in on.", Browsing.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await app.WithDatabase(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var next = app.NewClient();
        var signedIn = await next.SignInWithCodeAsync(email, Totp.Code(key, stepsFromNow: 2));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Administration", Browsing.Text(await next.GetStringAsync("/Admin")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_roles_are_not_asked()
    {
        var pcp = await app.SignedInAs(Browsing.Pcp);
        Assert.Equal(HttpStatusCode.OK, (await pcp.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pcp.GetAsync("/Members")).StatusCode);
    }

    [Theory]
    [InlineData("Development", null, false)]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Development", "true", true)]
    [InlineData("Production", "false", false)]
    public void The_rule_is_on_everywhere_but_development_unless_configured(string environment, string? configured, bool expected)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new("SignIn:AdminsMustUseTwoFactor", configured)]).Build());
        services.AddCareIdentity(new HostingEnvironment { EnvironmentName = environment });

        using var provider = services.BuildServiceProvider();
        Assert.Equal(expected, provider.GetRequiredService<IOptions<CareSignInOptions>>().Value.AdminsMustUseTwoFactor);
        Assert.Equal(TimeSpan.FromHours(12), provider.GetRequiredService<IOptions<CareSignInOptions>>().Value.AbsoluteSessionLimit);
    }
}
