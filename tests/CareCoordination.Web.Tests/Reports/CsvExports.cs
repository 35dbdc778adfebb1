using System.Net;
using System.Text;
using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>
/// Each report's CSV: UTF-8 with a byte-order mark and a header row, RFC 4180 quoting (commas, quotes, line breaks), a
/// quote before = + - @ so a spreadsheet shows a name instead of running it, a file name without PHI, and an audit entry
/// for every member list that leaves.
/// </summary>
[Collection(ReportsCollection.Name)]
public class CsvExports(ReportAppFactory app)
{
    private ReportWorld World => app.World;

    private async Task<(string Text, HttpResponseMessage Response)> Download(string url, string user = Browsing.CareManager)
    {
        var response = await (await app.SignedInAs(user)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return (Encoding.UTF8.GetString(bytes[3..]), response);
    }

    [Fact]
    public async Task The_exchange_csv_has_a_header_a_row_per_rule_and_the_total()
    {
        var (text, response) = await Download("/Reports/Exchange?handler=Export&Filter.From=2026-03-02&Filter.To=2026-03-15", Browsing.Admin);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("exchange-of-information-2026-03-18.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = text.Split("\r\n");
        Assert.Equal("rule,rule_name,flagged_events,recipient_contacted,contacted_and_acknowledged,acknowledged_percent", lines[0]);
        Assert.Contains("T1,Psychotropic start or change,3,3,1,33.3", lines);
        Assert.Contains("BH-MEDICAL-FINDING,Medical condition found by BH,0,0,0,", lines);
        Assert.Contains("ALL,All flagged events,8,5,3,37.5", lines);
        Assert.Equal("", lines[^1]);
        Assert.Equal(9, lines.Length);
    }

    [Fact]
    public async Task Member_names_are_quoted_and_kept_from_running_as_formulas()
    {
        var (text, response) = await Download("/Reports/Consent?handler=ExportSud");

        Assert.Equal("sud-without-part2-consent-2026-03-18.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(
            [
                "member_id,member_name,ppg,sud_diagnoses,part2_consent_on_file",
                $"{World.PlanMemberId("c1")},'=Ana Quiñones,North Shore Medical Group,F11.20,none on file",
                $"{World.PlanMemberId("c3")},'+Bo Rivers,South Bay Physicians,F12.20,revoked",
                $"{World.PlanMemberId("c6")},\"'@Cy \"\"Sky\"\" Stone, Jr.\",South Bay Physicians,F11.20,expired",
                $"{World.PlanMemberId("c8")},'-Di Vale,North Shore Medical Group,F10.20,expired",
                "",
            ],
            text.Split("\r\n"));
    }

    [Fact]
    public async Task A_line_break_inside_a_field_stays_inside_its_quotes()
    {
        var (text, _) = await Download("/Reports/PsychotropicStarts?handler=Export&Filter.From=2026-02-09&Filter.To=2026-02-22");

        Assert.Equal(
            "member_id,member_name,started_on,medication,last_day_to_tell_pcp,communicated_on\r\n" +
            $"{World.PlanMemberId("pB")},Paula Bristow,2026-02-13,\"Started sertraline 50 mg once daily\nfor panic attacks\",2026-02-18,2026-02-19\r\n" +
            $"{World.PlanMemberId("pD")},Petra Dunmore,2026-02-18,Started aripiprazole 5 mg once daily,2026-02-20,\r\n",
            text);
    }

    [Fact]
    public async Task Blocked_requests_and_monitoring_lists_export_every_row_in_member_order()
    {
        var (blocked, _) = await Download("/Reports/Consent?handler=ExportBlocked&Filter.From=2026-03-02&Filter.To=2026-03-15");
        Assert.Equal(
            ["member_id,member_name,blocked_requests,psychotherapy_note_requests,part2_record_requests,last_blocked_on",
                $"{World.PlanMemberId("c1")},'=Ana Quiñones,2,1,1,2026-03-10", $"{World.PlanMemberId("c3")},'+Bo Rivers,1,0,0,2026-03-05", ""],
            blocked.Split("\r\n"));

        var (levels, _) = await Download("/Reports/Monitoring?handler=ExportLevels");
        Assert.Equal(
            ["member_id,member_name,medication,last_monitoring_on", $"{World.PlanMemberId("L2")},Lena Garroway,lithium,2025-12-18", $"{World.PlanMemberId("C1")},Clara Ingram,clozapine,", ""],
            levels.Split("\r\n"));

        var (metabolic, _) = await Download($"/Reports/Monitoring?handler=ExportMetabolic&Filter.Ppg={World.South}");
        Assert.Equal(["member_id,member_name,hedis_age_band,last_screening_on", $"{World.PlanMemberId("A3")},Arlo Montague,12–17 (HEDIS APM),2025-03-18", ""], metabolic.Split("\r\n"));
    }

    [Fact]
    public async Task The_workload_csv_lists_staff_not_members()
    {
        var (text, _) = await Download("/Reports/Workload?handler=Export");

        Assert.Equal(["assignee,open_tasks,overdue,urgent,oldest_task_age_days", "Unassigned,3,1,1,72", "Jordan Ellis,2,1,0,12", "Riley Chen,1,1,0,5", ""], text.Split("\r\n"));
    }

    [Fact]
    public async Task Every_member_list_that_leaves_is_audited()
    {
        async Task<int> Searches() => await app.WithDatabase(db =>
            db.AuditEntries.CountAsync(a => a.Action == AuditAction.MemberReportExported && a.UserId == World.CareManagerId));
        var before = await Searches();

        await Download("/Reports/Consent?handler=ExportSud");
        await Download("/Reports/Monitoring?handler=ExportMetabolic");
        Assert.Equal(before + 2, await Searches());

        await Download("/Reports/Workload?handler=Export");
        Assert.Equal(before + 2, await Searches());
    }
}
