using System.Net;

namespace CareCoordination.Web.Tests.Trust;

/// <summary>The browser protections are on every response: pages, redirects, 404s, 500s and the sign-in page.</summary>
public class SecurityHeadersOnEveryResponse(UnreachableDatabaseAppFactory broken, CareAppFactory app)
    : IClassFixture<UnreachableDatabaseAppFactory>, IClassFixture<CareAppFactory>
{
    private static void AssertProtected(HttpResponseMessage response, bool cacheable = false)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        if (!cacheable)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} must not be cached");
        }
    }

    [Fact]
    public async Task A_page_with_phi_is_protected_and_never_cached()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var id = await app.WithDatabase(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Members.Select(m => m.Id)));
        var response = await client.GetAsync($"/Members/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertProtected(response);
    }

    [Fact]
    public async Task Redirects_404s_and_the_sign_in_page_are_protected()
    {
        var anonymous = await app.NewClient().GetAsync("/Members/1");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        AssertProtected(anonymous);

        var missing = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/Members/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertProtected(missing);

        var nowhere = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        AssertProtected(nowhere);

        AssertProtected(await app.NewClient().GetAsync("/Account/Login"));
        AssertProtected(await app.NewClient().GetAsync("/health/live"));
    }

    [Fact]
    public async Task A_server_error_is_protected_and_shows_no_details()
    {
        var response = await broken.NewClient().GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertProtected(response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_theme_may_be_cached_but_is_protected_too()
    {
        var response = await app.NewClient().GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertProtected(response, cacheable: true);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}
