using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// A session ends after 30 idle minutes and, however active, 12 hours after sign-in; every sign-in issues a new session
/// cookie, and nothing a browser held before signing in counts as signed in.
/// </summary>
public class SessionLifetimes(AccountAppFactory app) : IClassFixture<AccountAppFactory>
{
    private const string SessionCookie = "CareCoordination.Session";

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes_and_each_request_restarts_them()
    {
        var client = await app.SignedInAs(Browsing.Pcp);

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        await AssertSentToSignIn(client);
    }

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_however_active_it_stays()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var active = TimeSpan.Zero;
        for (var step = TimeSpan.FromMinutes(25); active + step < TimeSpan.FromHours(12); active += step)
        {
            app.Clock.Advance(step);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        Assert.True(active > TimeSpan.FromHours(11.5));
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        var ended = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains(ended.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionCookie + "=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
        await AssertSentToSignIn(client);

        // Signing in again starts a new twelve hours.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Browsing.CareManager)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Changing_two_factor_mid_session_keeps_the_session_but_not_a_new_twelve_hours()
    {
        const string email = "twelve.hours@demo.test";
        await app.CreateUserAsync(email, Identity.CareRoles.CareManager);
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        await KeepActiveAsync(client, TimeSpan.FromHours(11));

        // 11 h 15 min in: turning on two-factor renews the cookie, but the session stays the one signed in at 0.
        await client.TurnOnTwoFactorAsync();
        await KeepActiveAsync(client, TimeSpan.FromMinutes(25));

        app.Clock.Advance(TimeSpan.FromMinutes(25));
        await AssertSentToSignIn(client);
    }

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_and_cookies_held_before_do_not_count_as_signed_in()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var form = await browser.GetAsync("/Account/Login");
        var antiforgery = CookieNamed(form, "CareCoordination.Antiforgery");
        // A session cookie someone planted in the browser before sign-in, hoping to share the session that follows.
        var planted = SessionCookie + "=chosen-by-someone-else";
        var beforeSignIn = $"{antiforgery}; {planted}";

        var signIn = await PostSignInAsync(browser, await form.Content.ReadAsStringAsync(), beforeSignIn);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var issued = CookieNamed(signIn, SessionCookie);
        Assert.NotEqual(planted, issued);

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookies(browser, "/", beforeSignIn)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookies(browser, "/", issued)).StatusCode);

        // Each sign-in is a session of its own.
        var nextForm = await browser.GetAsync("/Account/Login");
        var next = await PostSignInAsync(browser, await nextForm.Content.ReadAsStringAsync(), CookieNamed(nextForm, "CareCoordination.Antiforgery"));
        Assert.NotEqual(issued, CookieNamed(next, SessionCookie));
    }

    /// <summary>Uses the app every 25 minutes for <paramref name="duration"/>, asserting the session holds.</summary>
    private async Task KeepActiveAsync(HttpClient client, TimeSpan duration)
    {
        for (var used = TimeSpan.Zero; used < duration; used += TimeSpan.FromMinutes(25))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(25));
            var r = await client.GetAsync("/");
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"at {used} {r.Headers.Location} {string.Join(" | ", r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");
        }
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string formHtml, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = Browsing.Pcp,
                ["Input.Password"] = Infrastructure.Demo.DemoData.Password,
                ["__RequestVerificationToken"] = Browsing.AntiforgeryToken(formHtml),
            }),
        };
        request.Headers.Add("Cookie", cookies);
        return await browser.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetWithCookies(HttpClient browser, string url, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookies);
        return await browser.SendAsync(request);
    }

    /// <summary>The name=value pair a response set for the named cookie.</summary>
    private static string CookieNamed(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task AssertSentToSignIn(HttpClient client)
    {
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
