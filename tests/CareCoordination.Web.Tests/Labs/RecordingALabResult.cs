using System.Globalization;
using System.Net;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Reports;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Tests.Releases;
using CareCoordination.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Labs;

/// <summary>A clinician records a lithium level, an ANC or a metabolic screening; the monitoring report counts it.</summary>
public class RecordingALabResult(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> PanelMember(int skip) => app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
    });

    private static Dictionary<string, string> Monitoring(string test, string value, DateOnly drawnOn) => new()
    {
        ["Input.Purpose"] = "MedicationMonitoring",
        ["Input.DrawnOn"] = Iso(drawnOn),
        ["Input.MonitoringTest"] = test,
        ["Input.MonitoringValue"] = value,
    };

    private static Dictionary<string, string> Screening(DateOnly drawnOn, string glucose, string lipid) => new()
    {
        ["Input.Purpose"] = "MetabolicScreening",
        ["Input.DrawnOn"] = Iso(drawnOn),
        ["Input.GlucoseTest"] = "HbA1c",
        ["Input.GlucoseValue"] = glucose,
        ["Input.LipidTest"] = "LdlCholesterol",
        ["Input.LipidValue"] = lipid,
    };

    private Task<List<CoordinationEvent>> EventsOf(int memberId, CoordinationEventKind kind) =>
        app.WithDatabase(db => db.CoordinationEvents.AsNoTracking().Include(e => e.Flags).Where(e => e.MemberId == memberId && e.Kind == kind).ToListAsync());

    [Fact]
    public async Task A_lithium_level_drawn_earlier_is_dated_on_its_plan_day_and_raises_no_flag()
    {
        var memberId = await PanelMember(skip: 0);
        var drawnOn = app.Today().AddDays(-3);
        var client = await app.SignedInAs(Browsing.Pcp);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Labs/New", Monitoring("LithiumLevel", "0.8", drawnOn));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches($"^/Members/{memberId}/Events/\\d+$", response.Headers.Location!.ToString());
        var recorded = Assert.Single(await EventsOf(memberId, CoordinationEventKind.MedicationMonitoring), e => e.Summary.StartsWith("Lithium level", StringComparison.Ordinal));
        Assert.Equal($"Lithium level 0.8 mmol/L; drawn {Iso(drawnOn)}", recorded.Summary);
        var zone = app.Services.GetRequiredService<PlanClock>().PlanZone;
        Assert.Equal(drawnOn, PlanDays.DayOf(recorded.OccurredAt, zone));
        Assert.Empty(recorded.Flags);
        Assert.Equal(0, await app.WithDatabase(db => db.CoordinationTasks.CountAsync(t => t.EventId == recorded.Id)));

        var summary = Browsing.Text(await client.GetStringAsync($"/Members/{memberId}"));
        Assert.Contains($"Medication monitoring Lithium level 0.8 mmol/L; drawn {Iso(drawnOn)}", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metabolic_screening_needs_a_glucose_and_a_lipid_result()
    {
        var memberId = await PanelMember(skip: 1);
        var today = app.Today();
        var client = await app.SignedInAs(Browsing.Pcp);
        var glucoseOnly = Screening(today, glucose: "5.7", lipid: "");
        var earlier = (await EventsOf(memberId, CoordinationEventKind.MetabolicScreening)).Select(e => e.Id).ToList();

        var refused = await client.SubmitFormAsync($"/Members/{memberId}/Labs/New", glucoseOnly);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Enter the lipid result; screening needs both a glucose and a lipid test.", Browsing.Text(page), StringComparison.Ordinal);
        Assert.Contains("value=\"5.7\"", page, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(earlier, (await EventsOf(memberId, CoordinationEventKind.MetabolicScreening)).Select(e => e.Id));

        var saved = await client.SubmitFormAsync($"/Members/{memberId}/Labs/New", Screening(today, glucose: "5.7", lipid: "131"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var screening = Assert.Single(await EventsOf(memberId, CoordinationEventKind.MetabolicScreening), e => !earlier.Contains(e.Id));
        Assert.Equal($"Metabolic screening: HbA1c 5.7%, LDL-C 131 mg/dL; drawn {Iso(today)}", screening.Summary);
    }

    [Theory]
    [InlineData("LithiumLevel", "8", 0, "Lithium level is between 0 and 5 mmol/L; check the result.")]
    [InlineData("ClozapineAnc", "-1", 0, "ANC is between 0 and 50,000/µL; check the result.")]
    [InlineData("LithiumLevel", "0.6", 1, "The day drawn cannot be in the future.")]
    [InlineData("", "0.6", 0, "Choose the test: a lithium level or an ANC.")]
    [InlineData("LithiumLevel", "", 0, "Enter the result.")]
    public async Task Impossible_results_and_future_days_are_refused_and_nothing_is_saved(string test, string value, int daysAhead, string message)
    {
        var memberId = await app.WithDatabase(async db =>
        {
            var bh = await MemberRecordAccess.ProviderOf(db, Browsing.Bh);
            return await db.CareRelationships.Where(r => r.ProviderId == bh && r.EndOn == null).OrderBy(r => r.MemberId).Select(r => r.MemberId).FirstAsync();
        });
        var before = await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId));
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Labs/New", Monitoring(test, value, app.Today().AddDays(daysAhead)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId)));
    }

    [Fact]
    public async Task An_anc_takes_a_clozapine_member_off_the_monitoring_report()
    {
        var (memberId, planMemberId) = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            var since = DateTime.UtcNow.AddDays(-80);
            return await db.Members.Where(m => m.PcpId == pcp
                    && db.MedicationOrders.Any(o => o.MemberId == m.Id && o.AtcCode == "N05AH02" && o.StopOn == null)
                    && !db.CoordinationEvents.Any(e => e.MemberId == m.Id && e.Kind == CoordinationEventKind.MedicationMonitoring && e.OccurredAt > since))
                .OrderBy(m => m.Id).Select(m => ValueTuple.Create(m.Id, m.PlanMemberId)).FirstAsync();
        });
        var careManager = await app.SignedInAs(Browsing.CareManager);
        var before = await careManager.PageAsync("/Reports/Monitoring");
        var clozapineBefore = ReportPages.RowStartingWith(before, "table-levels", "Clozapine");
        Assert.Contains(ReportPages.Body(before, "table-levels-due"), row => row[0] == planMemberId);

        var recorded = await (await app.SignedInAs(Browsing.Pcp)).SubmitFormAsync($"/Members/{memberId}/Labs/New", Monitoring("ClozapineAnc", "2100", app.Today()));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var after = await careManager.PageAsync("/Reports/Monitoring");
        var clozapineAfter = ReportPages.RowStartingWith(after, "table-levels", "Clozapine");
        Assert.Equal(int.Parse(clozapineBefore[2], CultureInfo.InvariantCulture) - 1, int.Parse(clozapineAfter[2], CultureInfo.InvariantCulture));
        Assert.DoesNotContain(ReportPages.Body(after, "table-levels-due"), row => row[0] == planMemberId);
    }
}
