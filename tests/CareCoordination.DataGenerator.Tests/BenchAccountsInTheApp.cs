using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Web.Tests;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.DataGenerator.Tests;

/// <summary>
/// The real app, started on a generated plan without migrating or seeding, serves the pages the benchmark will drive,
/// to the bench accounts, with the generated password.
/// </summary>
[Collection(GeneratedPlanCollection.Name)]
public partial class BenchAccountsInTheApp(GeneratedPlan plan)
{
    private Bench.BenchManifest Manifest => plan.Report.Manifest;

    [Fact]
    public async Task The_care_manager_pages_through_the_whole_open_queue_and_filters_it()
    {
        var client = await SignedInAs(Manifest.Accounts.CareManager);
        var url = "/Queue";
        var (pages, rows) = (0, 0);
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            (pages, rows) = (pages + 1, rows + TaskLink().Count(html));
            url = NextPage().Match(html) is { Success: true } next ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }

        Assert.Equal(Manifest.Queue.OpenTasks, rows);
        Assert.Equal((Manifest.Queue.OpenTasks + 49) / 50, pages);

        var filtered = await client.GetAsync($"/Queue?priority=High&overdue=true&ppg={Manifest.Queue.PpgIds[0]}&sort=Priority&assigned=Unassigned");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        var mine = await client.GetStringAsync("/Queue?assigned=Me");
        Assert.Equal(Math.Min(50, Manifest.Queue.AssignedToBenchCareManager), TaskLink().Count(mine));
    }

    [Fact]
    public async Task The_pcp_opens_a_busy_member_with_a_full_timeline_and_finds_panel_members()
    {
        var client = await SignedInAs(Manifest.Accounts.Pcp);
        var busy = Manifest.BusyMembers[0];
        var summary = await client.GetAsync($"/Members/{busy.MemberId}");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var html = await summary.Content.ReadAsStringAsync();
        Assert.Equal(50, TimelineEntry().Count(html));
        await using (var db = plan.Context())
        {
            var latest = await db.CoordinationEvents.Where(e => e.MemberId == busy.MemberId).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).FirstAsync();
            Assert.Contains(latest.Summary, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        var terms = Manifest.Search.Pcp;
        foreach (var (field, value) in new[] { ("Search.MemberId", terms.PlanMemberIds[0]), ("Search.Name", terms.NamePrefixes[0]), ("Search.DateOfBirth", terms.DatesOfBirth[0]) })
        {
            var found = await Search(client, field, value);
            Assert.Matches(MemberLink(), found);
        }

        var notOnPanel = await NotOnPanelAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{notOnPanel}")).StatusCode);
    }

    [Fact]
    public async Task The_psychiatrist_opens_a_caseload_member_and_the_prescription_form()
    {
        var client = await SignedInAs(Manifest.Accounts.BhClinician);
        var target = Manifest.Prescribing[0];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/{target.MemberId}")).StatusCode);
        var form = await client.GetAsync($"/Members/{target.MemberId}/Prescriptions/New");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("name=\"Input.Drug\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var home = await client.GetStringAsync("/");
        Assert.Contains($"/Members/{Manifest.BusyMembers[0].MemberId}\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_care_manager_searches_anyone_and_opens_a_summary()
    {
        var client = await SignedInAs(Manifest.Accounts.CareManager);
        var terms = Manifest.Search.CareManager;
        Assert.Matches(MemberLink(), await Search(client, "Search.MemberId", terms.PlanMemberIds[^1]));
        Assert.Matches(MemberLink(), await Search(client, "Search.Name", terms.NamePrefixes[^1]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/{await NotOnPanelAsync()}")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_signs_in_and_is_asked_for_a_second_factor()
    {
        var client = plan.App.NewClient();
        var signIn = await client.SignInAsync(Manifest.Accounts.Admin);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var admin = await client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/Account/TwoFactor", admin.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAs(string email)
    {
        var client = plan.App.NewClient();
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    private static async Task<string> Search(HttpClient client, string field, string value)
    {
        var form = await client.GetStringAsync("/Members");
        var fields = new Dictionary<string, string> { ["Search.Name"] = "", ["Search.DateOfBirth"] = "", ["Search.MemberId"] = "" };
        fields[field] = value;
        var response = await client.PostFormAsync("/Members", form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> NotOnPanelAsync()
    {
        await using var db = plan.Context();
        return await db.Members.Where(m => m.PcpId != Manifest.Providers.PcpProviderId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    [GeneratedRegex("href=\"/Queue/\\d+\"")]
    private static partial Regex TaskLink();

    [GeneratedRegex("href=\"(/Queue\\?[^\"]*afterId=[^\"]*)\"")]
    private static partial Regex NextPage();

    [GeneratedRegex("class=\"event-kind\"")]
    private static partial Regex TimelineEntry();

    [GeneratedRegex("href=\"/Members/\\d+\"")]
    private static partial Regex MemberLink();
}
