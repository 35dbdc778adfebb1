using System.Net;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>Who may open the reports, what administrators see of the member lists, and filters that cannot be used.</summary>
[Collection(ReportsCollection.Name)]
public class ReportFiltersAndAccess(ReportAppFactory app)
{
    public static TheoryData<string> Pages => ["/Reports", "/Reports/Exchange", "/Reports/PsychotropicStarts", "/Reports/Consent", "/Reports/Monitoring", "/Reports/Workload"];

    public static TheoryData<string> MemberExports =>
    [
        "/Reports/PsychotropicStarts?handler=Export",
        "/Reports/Consent?handler=ExportSud",
        "/Reports/Consent?handler=ExportBlocked",
        "/Reports/Monitoring?handler=ExportLevels",
        "/Reports/Monitoring?handler=ExportMetabolic",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Clinicians_are_turned_away_and_strangers_sent_to_sign_in(string page)
    {
        foreach (var clinician in new[] { Browsing.Pcp, Browsing.Bh })
        {
            var response = await (await app.SignedInAs(clinician)).GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var anonymous = await app.NewClient().GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Administrators_see_every_report_and_its_numbers(string page)
    {
        var html = await (await app.SignedInAs(Browsing.Admin)).PageAsync(page);

        Assert.Contains("report-scope", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_see_the_totals_but_not_the_members_behind_them()
    {
        var admin = await app.SignedInAs(Browsing.Admin);

        var consent = await admin.PageAsync("/Reports/Consent?Filter.From=2026-03-02&Filter.To=2026-03-15");
        Assert.Contains("4 members with a substance use disorder", Browsing.Text(consent), StringComparison.Ordinal);
        Assert.Contains("Member lists are shown to care managers; administrators see the totals.", Browsing.Text(consent), StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.Name("c1"), consent, StringComparison.Ordinal);
        Assert.DoesNotContain(app.World.PlanMemberId("c1"), consent, StringComparison.Ordinal);
        Assert.DoesNotContain("Download CSV", consent, StringComparison.Ordinal);

        var monitoring = await admin.PageAsync("/Reports/Monitoring");
        Assert.Equal(["All ages", "6", "4", "67%"], ReportPages.RowStartingWith(monitoring, "table-bands", "All ages"));
        Assert.DoesNotContain(app.World.Name("C1"), monitoring, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MemberExports))]
    public async Task Administrators_cannot_download_member_lists(string export)
    {
        var response = await (await app.SignedInAs(Browsing.Admin)).GetAsync(export);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_next_to_the_field_and_keeps_the_dates()
    {
        var html = await (await app.SignedInAs(Browsing.CareManager)).PageAsync("/Reports?Filter.From=2026-03-15&Filter.To=2026-03-02");

        Assert.Contains("<span id=\"filter-to-error\" class=\"field-validation-error\">The range must end on or after its first day.</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-15\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-02\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("table-weeks", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_longer_than_a_year_is_refused()
    {
        var html = await (await app.SignedInAs(Browsing.CareManager)).PageAsync("/Reports/Exchange?Filter.From=2025-01-01&Filter.To=2026-03-15");

        Assert.Contains("Choose a range of at most 366 days.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("table-exchange", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_ppg_rule_or_date_is_refused()
    {
        var client = await app.SignedInAs(Browsing.CareManager);

        Assert.Contains("Choose a PPG from the list.", await client.PageAsync("/Reports/Workload?Filter.Ppg=99999"), StringComparison.Ordinal);
        Assert.Contains("id=\"filter-trigger-error\"", await client.PageAsync("/Reports?Filter.Trigger=NoSuchRule"), StringComparison.Ordinal);
        Assert.Contains("id=\"filter-from-error\"", await client.PageAsync("/Reports?Filter.From=yesterday"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_with_refused_filters_is_a_bad_request()
    {
        var response = await (await app.SignedInAs(Browsing.CareManager)).GetAsync("/Reports/Exchange?handler=Export&Filter.From=2026-03-15&Filter.To=2026-03-02");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Filter_links_carry_only_dates_ids_and_rule_names()
    {
        var html = await (await app.SignedInAs(Browsing.CareManager)).PageAsync($"/Reports?Filter.From=2026-03-02&Filter.To=2026-03-15&Filter.Ppg={app.World.North}&Filter.Trigger=PcpFinding");

        Assert.Contains($"href=\"/Reports/Consent?Filter.From=2026-03-02&amp;Filter.To=2026-03-15&amp;Filter.Ppg={app.World.North}&amp;Filter.Trigger=PcpFinding\"", html, StringComparison.Ordinal);
    }
}
