namespace CareCoordination.Web.Tests.Reports;

/// <summary>
/// The dashboard's numbers on the fixed world, counted by hand. The range 2–15 March 2026 holds two plan weeks and the
/// start of daylight saving time; "now" is Wednesday 18 March. Tasks t1–t12 are described in <see cref="ReportWorld"/>.
/// </summary>
[Collection(ReportsCollection.Name)]
public class DashboardNumbers(ReportAppFactory app)
{
    private const string March = "Filter.From=2026-03-02&Filter.To=2026-03-15";

    private async Task<string> Dashboard(string query = March) => await (await app.SignedInAs(Browsing.CareManager)).PageAsync("/Reports?" + query);

    [Fact]
    public async Task The_open_queue_counts_every_open_task_by_rule_and_priority_with_the_overdue_ones_in_brackets()
    {
        var html = await Dashboard();

        // Open now: t4 (T4 routine, due 13 March), t7 (T3 high, due 17 March), t8 (T2 routine, due 20 March), t9 (T1 high, due
        // today), t11 (T4 routine, due in January), t12 (PCP finding, urgent, due today). Overdue: due before today.
        Assert.Equal(["T1 Psychotropic start or change", "0", "1", "0", "1", "0"], ReportPages.RowStartingWith(html, "table-open", "T1 Psychotropic start or change"));
        Assert.Equal(["T3 Treatment needing medical evaluation", "0", "1 (1)", "0", "1", "1"], ReportPages.RowStartingWith(html, "table-open", "T3 Treatment needing medical evaluation"));
        Assert.Equal(["T4 Referral to behavioral health", "0", "0", "2 (2)", "2", "2"], ReportPages.RowStartingWith(html, "table-open", "T4 Referral to behavioral health"));
        Assert.Equal(["PCP-FINDING PCP finding", "1", "0", "0", "1", "0"], ReportPages.RowStartingWith(html, "table-open", "PCP-FINDING PCP finding"));
        Assert.Equal(["All rules", "1", "2 (1)", "3 (2)", "6", "3"], ReportPages.RowStartingWith(html, "table-open", "All rules"));
        var text = Browsing.Text(html);
        Assert.Contains("6 open tasks now", text, StringComparison.Ordinal);
        Assert.Contains("3 overdue now", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_created_and_closed_are_counted_in_plan_weeks()
    {
        var html = await Dashboard();

        // Week of 2 March: created t1–t5; closed t10 (2nd), t1 (3rd), t3 (4th, 23:00, already the 5th in UTC), t2 (6th).
        // Week of 9 March: created t6, t7 and t8 (Sunday 15th at 23:30, Monday in UTC); closed t5 (cancelled) and t6.
        Assert.Equal(
            [["Week of", "Created", "Closed"], ["3/2/2026", "5", "4"], ["3/9/2026", "3", "2"], ["Total", "8", "6"]],
            ReportPages.Table(html, "table-weeks"));
        Assert.Contains("<svg class=\"chart\" id=\"chart-weeks\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Created, Mar 9: 3</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Closed, Mar 2: 4</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Medians_and_90th_percentiles_are_of_the_tasks_and_messages_of_the_range()
    {
        var html = await Dashboard();

        // First contact: t3 1 h, t6 1 h, t1 4 h, t2 24 h, t5 47 h (Saturday 11:00 to Monday 11:00, across the clock change).
        // Median 4 h; 90th percentile between 24 and 47 h at 0.6: 37.8 h.
        Assert.Equal(["Created to first contact attempt", "5", "4.0 h", "37.8 h"], ReportPages.RowStartingWith(html, "table-speed", "Created to first contact attempt"));
        // Completion: t3 15 h, t1 24 h, t6 62 h 59 min, t2 72 h (t5 was cancelled). Median 43.5 h; 90th 69.3 h = 2.9 days.
        Assert.Equal(["Created to completion", "4", "43.5 h", "2.9 d"], ReportPages.RowStartingWith(html, "table-speed", "Created to completion"));
        // Acknowledged messages: m1 after 6 h, m2 after 48 h. Median 27 h; 90th 43.8 h.
        Assert.Equal(["Message sent to PCP acknowledgment", "2", "27.0 h", "43.8 h"], ReportPages.RowStartingWith(html, "table-speed", "Message sent to PCP acknowledgment"));
    }

    [Fact]
    public async Task Completion_within_sla_counts_the_due_date_to_its_last_plan_minute()
    {
        var html = await Dashboard();

        // Met: t1, t3 (23:00 on its due date), t6 (23:59 on its due date). Late: t2. Open past due: t4, t7. Pending: t8.
        // t5 was cancelled and does not count. 3 of 6.
        Assert.Equal(
            [["Completed by the end of the due date", "3"], ["Completed after the due date", "1"], ["Still open past the due date", "2"],
             ["Within SLA", "50%"], ["Open, not yet due (not counted)", "1"]],
            ReportPages.Table(html, "table-sla"));
        Assert.Contains("50% completed within SLA (3 of 6)", Browsing.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pcp_acknowledgment_rate_is_of_the_messages_sent_in_the_range()
    {
        var html = await Dashboard();

        Assert.Equal([["Messages sent in the range", "3"], ["Acknowledged", "2"], ["Acknowledgment rate", "67%"]], ReportPages.Table(html, "table-acknowledgment"));
    }

    [Fact]
    public async Task The_queue_age_histogram_counts_open_tasks_by_plan_days_waiting()
    {
        var html = await Dashboard();

        // t12 today; t9 (16th) and t8 (15th, late evening); t7 (13th); t4 (6th); t11 (5 January).
        Assert.Equal(
            [["0–1 days", "1"], ["2–3 days", "2"], ["4–7 days", "1"], ["8–14 days", "1"], ["15–30 days", "0"], ["Over 30 days", "1"]],
            ReportPages.Body(html, "table-ages"));
        Assert.Contains("<title>2–3 days: 2</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_ppg_counts_only_its_members_work()
    {
        var html = await Dashboard($"{March}&Filter.Ppg={app.World.North}");

        Assert.Equal(["All rules", "1", "1", "3 (2)", "5", "2"], ReportPages.RowStartingWith(html, "table-open", "All rules"));
        Assert.Equal([["Week of", "Created", "Closed"], ["3/2/2026", "4", "3"], ["3/9/2026", "1", "1"], ["Total", "5", "4"]], ReportPages.Table(html, "table-weeks"));
        Assert.Equal(["Created to first contact attempt", "3", "4.0 h", "38.4 h"], ReportPages.RowStartingWith(html, "table-speed", "Created to first contact attempt"));
        Assert.Equal(["Created to completion", "2", "19.5 h", "23.1 h"], ReportPages.RowStartingWith(html, "table-speed", "Created to completion"));
        Assert.Equal(["Within SLA", "67%"], ReportPages.RowStartingWith(html, "table-sla", "Within SLA"));
        Assert.Equal(["Acknowledgment rate", "100%"], ReportPages.RowStartingWith(html, "table-acknowledgment", "Acknowledgment rate"));
        Assert.Equal([["0–1 days", "1"], ["2–3 days", "2"], ["4–7 days", "0"], ["8–14 days", "1"], ["15–30 days", "0"], ["Over 30 days", "1"]], ReportPages.Body(html, "table-ages"));
        Assert.Contains("North Shore Medical Group", Browsing.Text(html[html.IndexOf("report-scope", StringComparison.Ordinal)..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_rule_and_priority_count_only_their_tasks()
    {
        var html = await Dashboard($"{March}&Filter.Trigger=PsychotropicStartOrChange&Filter.Priority=High");

        // t1, t5 and t6 were created in the range; t9 is open now.
        Assert.Equal(["All rules", "0", "1", "0", "1", "0"], ReportPages.RowStartingWith(html, "table-open", "All rules"));
        Assert.Equal([["Week of", "Created", "Closed"], ["3/2/2026", "2", "1"], ["3/9/2026", "1", "2"], ["Total", "3", "3"]], ReportPages.Table(html, "table-weeks"));
        Assert.Equal(["Within SLA", "100%"], ReportPages.RowStartingWith(html, "table-sla", "Within SLA"));
    }

    [Fact]
    public async Task An_empty_range_shows_dashes_where_there_is_nothing_to_measure()
    {
        var html = await Dashboard("Filter.From=2025-06-02&Filter.To=2025-06-08");

        Assert.Equal([["Week of", "Created", "Closed"], ["6/2/2025", "0", "0"], ["Total", "0", "0"]], ReportPages.Table(html, "table-weeks"));
        Assert.Equal(["Created to first contact attempt", "0", "—", "—"], ReportPages.RowStartingWith(html, "table-speed", "Created to first contact attempt"));
        Assert.Equal(["Created to completion", "0", "—", "—"], ReportPages.RowStartingWith(html, "table-speed", "Created to completion"));
        Assert.Equal(["Within SLA", "—"], ReportPages.RowStartingWith(html, "table-sla", "Within SLA"));
        Assert.Equal(["Acknowledgment rate", "—"], ReportPages.RowStartingWith(html, "table-acknowledgment", "Acknowledgment rate"));
        // The open queue is the queue now, whatever the dates.
        Assert.Equal(["All rules", "1", "2 (1)", "3 (2)", "6", "3"], ReportPages.RowStartingWith(html, "table-open", "All rules"));
    }

    [Fact]
    public async Task Without_dates_the_dashboard_covers_the_last_13_weeks()
    {
        var html = await Dashboard("");

        var weeks = ReportPages.Body(html, "table-weeks");
        Assert.Equal(13, weeks.Count);
        Assert.Equal("12/22/2025", weeks[0][0]);
        Assert.Equal("3/16/2026", weeks[^1][0]);
        Assert.Contains("12/22/2025 to 3/18/2026", Browsing.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_chart_is_svg_drawn_on_the_server_with_a_title_and_no_inline_style_or_script()
    {
        var html = await Dashboard();

        foreach (var chart in new[] { "chart-open", "chart-weeks", "chart-ages" })
        {
            Assert.Contains($"id=\"{chart}\" viewBox=", html, StringComparison.Ordinal);
            Assert.Contains($"aria-labelledby=\"{chart}-title {chart}-desc\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/css/reports.css", html, StringComparison.Ordinal);
    }
}
