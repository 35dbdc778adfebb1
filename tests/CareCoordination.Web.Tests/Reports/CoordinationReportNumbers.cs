using Microsoft.EntityFrameworkCore;
using CareCoordination.Core.Audit;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>The coordination reports' numbers and member lists on the fixed world (<see cref="ReportWorld"/>), counted by hand.</summary>
[Collection(ReportsCollection.Name)]
public class CoordinationReportNumbers(ReportAppFactory app)
{
    private const string March = "Filter.From=2026-03-02&Filter.To=2026-03-15";
    private const string February = "Filter.From=2026-02-09&Filter.To=2026-02-22";

    private ReportWorld World => app.World;

    private async Task<string> Report(string path, string query = "", string user = Browsing.CareManager) =>
        await (await app.SignedInAs(user)).PageAsync($"{path}?{query}");

    [Fact]
    public async Task Exchange_of_information_counts_flagged_events_contacted_and_acknowledged_by_rule()
    {
        var html = await Report("/Reports/Exchange", March);

        // e1–e8. Contacted: e1, e2, e6 (PCP message), e3, e5 (contact attempts). Acknowledged: e1, e2 (PCP), e3 (reached).
        Assert.Equal(["T1 Psychotropic start or change", "3", "3 (100%)", "1", "33%"], ReportPages.RowStartingWith(html, "table-exchange", "T1 Psychotropic start or change"));
        Assert.Equal(["T2 New member comorbidity or change in condition", "2", "1 (50%)", "1", "50%"], ReportPages.RowStartingWith(html, "table-exchange", "T2 New member comorbidity or change in condition"));
        Assert.Equal(["T3 Treatment needing medical evaluation", "1", "0 (0%)", "0", "0%"], ReportPages.RowStartingWith(html, "table-exchange", "T3 Treatment needing medical evaluation"));
        Assert.Equal(["PCP-FINDING PCP finding", "1", "1 (100%)", "1", "100%"], ReportPages.RowStartingWith(html, "table-exchange", "PCP-FINDING PCP finding"));
        Assert.Equal(["BH-MEDICAL-FINDING Medical condition found by BH", "0", "0 (—)", "0", "—"], ReportPages.RowStartingWith(html, "table-exchange", "BH-MEDICAL-FINDING Medical condition found by BH"));
        var total = Assert.Single(ReportPages.Table(html, "table-exchange"), r => r[0].StartsWith("All flagged events", StringComparison.Ordinal));
        Assert.Equal(["8", "5 (63%)", "3", "38%"], total[1..]);
        Assert.Contains("38% of flagged events contacted and acknowledged", Browsing.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_of_information_for_one_ppg_and_one_rule()
    {
        var north = await Report("/Reports/Exchange", $"{March}&Filter.Ppg={World.North}");
        Assert.Contains("40% of flagged events contacted and acknowledged", Browsing.Text(north), StringComparison.Ordinal);

        var t1 = await Report("/Reports/Exchange", $"{March}&Filter.Trigger=PsychotropicStartOrChange");
        var rows = ReportPages.Body(t1, "table-exchange");
        Assert.Equal(["T1 Psychotropic start or change", "3", "3 (100%)", "1", "33%"], Assert.Single(rows));
        Assert.Contains("33% of flagged events contacted and acknowledged", Browsing.Text(t1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_range_has_no_flagged_events()
    {
        var html = await Report("/Reports/Exchange", "Filter.From=2025-06-02&Filter.To=2025-06-08");

        Assert.Contains("— of flagged events contacted and acknowledged", Browsing.Text(html), StringComparison.Ordinal);
        Assert.All(ReportPages.Body(html, "table-exchange"), row => Assert.Equal("0", row[1]));
    }

    [Fact]
    public async Task Psychotropic_starts_are_on_time_until_the_end_of_the_second_business_day_holidays_skipped()
    {
        var html = await Report("/Reports/PsychotropicStarts", February);

        // p1 (Thursday; window to Tuesday 17th over the weekend and Presidents' Day) acknowledged Tuesday 23:00: on time.
        // p2 (Friday; window to Wednesday 18th) acknowledged Thursday: late. p3 (Saturday; to Wednesday 18th) faxed Wednesday: on time.
        // p4 (Wednesday 23:30; to Friday 20th) never communicated. Not starts: a dose change, a start with no T1, a later start.
        var text = Browsing.Text(html);
        Assert.Contains("50% communicated within 2 business days", text, StringComparison.Ordinal);
        Assert.Contains("4 new psychotropic starts", text, StringComparison.Ordinal);
        Assert.Contains("2 on time", text, StringComparison.Ordinal);
        Assert.Contains("1 communicated late", text, StringComparison.Ordinal);
        Assert.Contains("1 not communicated yet", text, StringComparison.Ordinal);
        Assert.Equal(
            [
                [World.PlanMemberId("pB"), "Paula Bristow", "2/13/2026", "Started sertraline 50 mg once daily for panic attacks", "2/18/2026", "2/19/2026"],
                [World.PlanMemberId("pD"), "Petra Dunmore", "2/18/2026", "Started aripiprazole 5 mg once daily", "2/20/2026", "not yet"],
            ],
            ReportPages.Body(html, "table-late-starts"));
    }

    [Fact]
    public async Task Psychotropic_starts_for_one_ppg()
    {
        var text = Browsing.Text(await Report("/Reports/PsychotropicStarts", $"{February}&Filter.Ppg={World.North}"));

        Assert.Contains("33% communicated within 2 business days", text, StringComparison.Ordinal);
        Assert.Contains("3 new psychotropic starts", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Psychotropic_starts_offer_no_rule_or_priority_filter_so_a_link_carrying_one_counts_every_start()
    {
        var text = Browsing.Text(await Report("/Reports/PsychotropicStarts", $"{February}&Filter.Trigger=PcpFinding&Filter.Priority=Routine"));

        Assert.Contains("4 new psychotropic starts", text, StringComparison.Ordinal);
        Assert.Contains("2 on time", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_gaps_list_sud_members_without_a_part_2_consent_in_force_today()
    {
        var html = await Report("/Reports/Consent", March);

        // c1 none; c3 revoked; c6 expired yesterday; c8 its expiration event happened today. Not listed: c2 (in force), c4
        // (nicotine only), c5 (resolved), c7 (expires today, still in force).
        Assert.Contains("4 members with a substance use disorder and no Part 2 consent in force", Browsing.Text(html), StringComparison.Ordinal);
        Assert.Equal(
            [
                [World.PlanMemberId("c1"), "=Ana Quiñones", "North Shore Medical Group", "F11.20", "none on file"],
                [World.PlanMemberId("c3"), "+Bo Rivers", "South Bay Physicians", "F12.20", "revoked"],
                [World.PlanMemberId("c6"), "@Cy \"Sky\" Stone, Jr.", "South Bay Physicians", "F11.20", "expired"],
                [World.PlanMemberId("c8"), "-Di Vale", "North Shore Medical Group", "F10.20", "expired"],
            ],
            ReportPages.Body(html, "table-sud"));
    }

    [Fact]
    public async Task Blocked_requests_for_protected_content_are_read_from_the_audit_trail_for_the_range()
    {
        var html = await Report("/Reports/Consent", March);

        Assert.Contains("3 blocked requests for protected content, for 2 members", Browsing.Text(html), StringComparison.Ordinal);
        Assert.Contains("1 for psychotherapy notes, 1 for Part 2 records, 1 recorded before the audit trail said which.",
            Browsing.Text(html), StringComparison.Ordinal);
        Assert.Equal(
            [[World.PlanMemberId("c1"), "=Ana Quiñones", "2", "1", "1", "3/10/2026"], [World.PlanMemberId("c3"), "+Bo Rivers", "1", "0", "0", "3/5/2026"]],
            ReportPages.Body(html, "table-blocked"));

        var north = Browsing.Text(await Report("/Reports/Consent", $"{March}&Filter.Ppg={World.North}"));
        Assert.Contains("2 members with a substance use disorder", north, StringComparison.Ordinal);
        Assert.Contains("2 blocked requests for protected content, for 1 member", north, StringComparison.Ordinal);
        Assert.Contains("1 for psychotherapy notes, 1 for Part 2 records.", north, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lithium_and_clozapine_members_need_a_monitoring_event_within_90_days()
    {
        var html = await Report("/Reports/Monitoring");

        // Taking lithium: L1 (monitored 10 January), L2 (last 18 December, a day before the window), L4 (19 December, its first
        // day). L3 stopped on 1 March. Clozapine: C1 (never monitored), L4 (by RxNorm code alone).
        Assert.Equal([["Medication", "Members taking it", "Without monitoring", "Share"], ["Lithium", "3", "1", "33%"], ["Clozapine", "2", "1", "50%"]],
            ReportPages.Table(html, "table-levels"));
        Assert.Equal(
            [[World.PlanMemberId("L2"), "Lena Garroway", "lithium", "12/18/2025"], [World.PlanMemberId("C1"), "Clara Ingram", "clozapine", "none on record"]],
            ReportPages.Body(html, "table-levels-due"));
    }

    [Fact]
    public async Task Antipsychotic_members_need_metabolic_screening_within_12_months_counted_in_hedis_age_bands()
    {
        var html = await Report("/Reports/Monitoring");

        // A1 (11 on 31 December) screened; A3 (12) screened a day before the window; A2 (18 on 31 December), C1 and L4 (clozapine)
        // never screened; A4 (76) screened today. A5 stopped yesterday.
        Assert.Equal(
            [
                ["Under 1 (no HEDIS measure)", "0", "0", "—"],
                ["1–11 (HEDIS APM)", "1", "0", "0%"],
                ["12–17 (HEDIS APM)", "1", "1", "100%"],
                ["18–64 (HEDIS SSD)", "3", "3", "100%"],
                ["65 and over (no HEDIS measure)", "1", "0", "0%"],
            ],
            ReportPages.Body(html, "table-bands"));
        Assert.Equal(["All ages", "6", "4", "67%"], ReportPages.RowStartingWith(html, "table-bands", "All ages"));
        Assert.Equal(
            [
                [World.PlanMemberId("C1"), "Clara Ingram", "18–64 (HEDIS SSD)", "none on record"],
                [World.PlanMemberId("L4"), "Leon Jessup", "18–64 (HEDIS SSD)", "none on record"],
                [World.PlanMemberId("A2"), "Amara Lindqvist", "18–64 (HEDIS SSD)", "none on record"],
                [World.PlanMemberId("A3"), "Arlo Montague", "12–17 (HEDIS APM)", "3/18/2025"],
            ],
            ReportPages.Body(html, "table-screenings-due"));
    }

    [Fact]
    public async Task Monitoring_is_counted_as_of_the_chosen_day()
    {
        var html = await Report("/Reports/Monitoring", "Filter.To=2026-03-16");

        // The windows move back two days: L2's December level and A3's March 2025 screening now count; A4's screening of
        // 18 March is after the day; A5 was still taking quetiapine.
        Assert.Equal(["Lithium", "3", "0", "0%"], ReportPages.RowStartingWith(html, "table-levels", "Lithium"));
        Assert.Equal(["12–17 (HEDIS APM)", "1", "0", "0%"], ReportPages.RowStartingWith(html, "table-bands", "12–17 (HEDIS APM)"));
        Assert.Equal(["18–64 (HEDIS SSD)", "4", "4", "100%"], ReportPages.RowStartingWith(html, "table-bands", "18–64 (HEDIS SSD)"));
        Assert.Equal(["65 and over (no HEDIS measure)", "1", "1", "100%"], ReportPages.RowStartingWith(html, "table-bands", "65 and over (no HEDIS measure)"));
        Assert.Contains("As of 3/16/2026", Browsing.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_for_one_ppg()
    {
        var html = await Report("/Reports/Monitoring", $"Filter.Ppg={World.North}");

        Assert.Equal(["All ages", "5", "3", "60%"], ReportPages.RowStartingWith(html, "table-bands", "All ages"));
        Assert.DoesNotContain("Arlo Montague", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workload_counts_each_assignees_open_tasks_and_the_age_of_the_oldest()
    {
        var html = await Report("/Reports/Workload");

        // Unassigned: t8, t11 (overdue, 5 January: 72 days), t12 (urgent). Jordan Ellis: t4 (overdue, 12 days), t9. Riley Chen: t7.
        Assert.Equal(
            [["Unassigned", "3", "1", "1", "72"], ["Jordan Ellis", "2", "1", "0", "12"], ["Riley Chen", "1", "1", "0", "5"]],
            ReportPages.Body(html, "table-workload"));
        Assert.Contains("6 open tasks", Browsing.Text(html), StringComparison.Ordinal);

        var referrals = await Report("/Reports/Workload", $"Filter.Trigger=MedicalToBhReferral&Filter.Ppg={World.North}");
        Assert.Equal([["Unassigned", "1", "1", "0", "72"], ["Jordan Ellis", "1", "1", "0", "12"]], ReportPages.Body(referrals, "table-workload"));
    }

    [Fact]
    public async Task Viewing_a_member_list_is_audited_and_a_report_of_counts_is_not()
    {
        async Task<int> Searches() => await app.WithDatabase(db =>
            db.AuditEntries.CountAsync(a => a.Action == AuditAction.MemberReportViewed && a.UserId == World.CareManagerId));
        var client = await app.SignedInAs(Browsing.CareManager);

        var before = await Searches();
        await client.PageAsync("/Reports/Consent");
        await client.PageAsync("/Reports/Monitoring");
        await client.PageAsync("/Reports/PsychotropicStarts");
        Assert.Equal(before + 3, await Searches());
        await client.PageAsync("/Reports/Exchange");
        await client.PageAsync("/Reports/Workload");
        await client.PageAsync("/Reports");
        Assert.Equal(before + 3, await Searches());
    }
}

/// <summary>The same world for a plan whose configuration names no holidays: Presidents' Day is a business day.</summary>
public class PsychotropicStartsWithoutHolidays(ReportAppFactoryWithoutHolidays app) : IClassFixture<ReportAppFactoryWithoutHolidays>
{
    [Fact]
    public async Task Without_the_configured_holiday_the_windows_close_a_day_sooner()
    {
        var text = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).PageAsync("/Reports/PsychotropicStarts?Filter.From=2026-02-09&Filter.To=2026-02-22"));

        // p1's window now ends Monday 16th (acknowledged Tuesday: late); p3's ends Tuesday 17th (faxed Wednesday: late).
        Assert.Contains("0% communicated within 2 business days", text, StringComparison.Ordinal);
        Assert.Contains("0 on time", text, StringComparison.Ordinal);
        Assert.Contains("3 communicated late", text, StringComparison.Ordinal);
    }
}
