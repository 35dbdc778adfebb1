using System.Net;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>Only administrators reach administration; the overview counts what they manage; unknown ids are not found.</summary>
public class AdministrationAccess(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private async Task<string[]> EveryAdminPage()
    {
        var (group, provider, user, relationship) = await app.WithDatabase(async db => (
            await db.Ppgs.Select(g => g.Id).FirstAsync(),
            await db.Providers.Select(p => p.Id).FirstAsync(),
            await db.Users.Select(u => u.Id).FirstAsync(),
            await db.CareRelationships.Select(r => r.Id).FirstAsync()));
        return
        [
            "/Admin", "/Admin/Settings",
            "/Admin/Groups", "/Admin/Groups/New", $"/Admin/Groups/{group}/Edit",
            "/Admin/Providers", "/Admin/Providers/New", $"/Admin/Providers/{provider}/Edit",
            "/Admin/Users", "/Admin/Users/New", $"/Admin/Users/{user}/Edit",
            "/Admin/CareRelationships", "/Admin/CareRelationships/New", $"/Admin/CareRelationships/{relationship}/End",
        ];
    }

    [Theory]
    [InlineData(Browsing.Pcp)]
    [InlineData(Browsing.Bh)]
    [InlineData(Browsing.CareManager)]
    public async Task Clinicians_and_care_managers_are_refused_every_admin_page(string email)
    {
        var client = await app.SignedInAs(email);
        foreach (var url in await EveryAdminPage())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {response.StatusCode}");
            Assert.StartsWith("https://localhost/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Posting_to_an_admin_page_without_the_role_changes_nothing()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var before = await app.WithDatabase(db => db.Ppgs.CountAsync());
        var home = await client.GetStringAsync("/");

        var response = await client.PostFormAsync("/Admin/Groups/New", home, new() { ["Input.Name"] = "Sneaky Medical Group", ["SubmissionId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.Ppgs.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.NewClient().GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_admin_page_opens_for_an_administrator()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        foreach (var url in await EveryAdminPage())
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task The_overview_counts_what_administrators_manage_and_links_to_it()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var (groups, pcps, bh, accounts) = await app.WithDatabase(async db => (
            await db.Ppgs.CountAsync(),
            await db.Providers.CountAsync(p => p.Kind == ProviderKind.PrimaryCarePhysician),
            await db.Providers.CountAsync(p => p.Kind == ProviderKind.BehavioralHealthPractitioner),
            await db.Users.CountAsync()));

        var html = await client.GetStringAsync("/Admin");

        var text = Browsing.Text(html);
        Assert.Contains($"{groups} participating physician groups", text, StringComparison.Ordinal);
        Assert.Contains($"{pcps} PCPs", text, StringComparison.Ordinal);
        Assert.Contains($"{bh} BH practitioners", text, StringComparison.Ordinal);
        Assert.Contains($"{accounts} accounts", text, StringComparison.Ordinal);
        Assert.Contains("The configured or documented defaults are in effect.", text, StringComparison.Ordinal);
        foreach (var link in new[] { "/Admin/Groups", "/Admin/Providers", "/Admin/Users", "/Admin/CareRelationships", "/Admin/Settings" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/Admin/Groups/98765/Edit")]
    [InlineData("/Admin/Providers/98765/Edit")]
    [InlineData("/Admin/Users/no-such-user/Edit")]
    [InlineData("/Admin/CareRelationships/98765/End")]
    public async Task Unknown_ids_are_not_found_when_read_or_posted(string url)
    {
        var client = await app.SignedInAs(Browsing.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);

        var somePage = await client.GetStringAsync("/Admin/Groups/New");
        var posted = await client.PostFormAsync(url, somePage, new() { ["SubmissionId"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }

    [Fact]
    public async Task Locking_or_unlocking_an_unknown_account_is_not_found()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var somePage = await client.GetStringAsync("/Admin/Groups/New");
        foreach (var handler in new[] { "Lock", "Unlock" })
        {
            var posted = await client.PostFormAsync($"/Admin/Users/no-such-user/Edit?handler={handler}", somePage, new() { ["SubmissionId"] = Guid.NewGuid().ToString() });
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }
    }
}
