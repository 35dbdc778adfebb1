using System.Globalization;
using System.Net;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Tests.Prescriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareCoordination.Web.Tests.Prescriptions.BhCaseload;

namespace CareCoordination.Web.Tests.Assessments;

/// <summary>A BH clinician plans a procedure that needs a medical evaluation first; the PCP is asked for one (T3).</summary>
public class PlanningATreatment(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private DateOnly Today => app.Services.GetRequiredService<PlanClock>().Today;

    private static Dictionary<string, string> Plan(string procedure, DateOnly? plannedOn = null, string note = "") => new()
    {
        ["Input.Procedure"] = procedure,
        ["Input.PlannedOn"] = plannedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["Input.Note"] = note,
        ["Input.SharingDiscussedWithMember"] = "true",
    };

    [Fact]
    public async Task Planning_ect_is_t3_and_asks_the_pcp_for_a_medical_evaluation()
    {
        var memberId = await app.CaseloadMemberAsync();
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Treatment";
        var form = await client.GetStringAsync(url);
        Assert.Contains("<option value=\"cpt:90870\">Electroconvulsive therapy (includes necessary monitoring) (CPT 90870)</option>", form, StringComparison.Ordinal);
        Assert.Contains("psychotherapy notes are never included", Browsing.Text(form), StringComparison.Ordinal);
        var plannedOn = Today.AddDays(14);

        var response = await client.SubmitFormAsync(url, Plan("cpt:90870", plannedOn, "Treatment-resistant depression after three adequate trials"));

        var eventId = EventId(response, memberId);
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal((CoordinationTrigger.TreatmentNeedingMedicalEvaluation, Priority.High), (flag.Trigger, flag.Priority));
        Assert.StartsWith("Electroconvulsive therapy (ECT) is planned (CPT 90870).", flag.Reason, StringComparison.Ordinal);
        Assert.Contains("Please arrange a medical evaluation.", (await app.MessageToPcpAsync(eventId))!.Body, StringComparison.Ordinal);
        var recorded = await app.WithDatabase(db => db.CoordinationEvents.SingleAsync(e => e.Id == eventId));
        Assert.Equal(CoordinationEventKind.TreatmentPlan, recorded.Kind);
        Assert.Equal($"Planned electroconvulsive therapy (ECT), CPT 90870 for {plannedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}", recorded.Summary);
        Assert.Equal("Treatment-resistant depression after three adequate trials", recorded.Note);
        Assert.Contains("T3 Treatment needing medical evaluation", Browsing.Text(await client.GetStringAsync(response.Headers.Location)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_tms_by_its_subsequent_session_code_is_t3_too()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 1);
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Treatment", Plan("cpt:90868"));

        var flag = Assert.Single(await app.FlagsAsync(EventId(response, memberId)));
        Assert.Contains("TMS needs screening for seizure risk", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_treatment_or_a_past_date_is_refused_and_nothing_is_saved()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);
        var before = await app.WithDatabase(db => db.CoordinationEvents.CountAsync());

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Treatment", Plan("cpt:99999", Today.AddDays(-1), "Discussed risks and benefits"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("Choose the treatment from the list.", text, StringComparison.Ordinal);
        Assert.Contains("The planned date cannot be in the past.", text, StringComparison.Ordinal);
        Assert.Contains("Discussed risks and benefits", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(db => db.CoordinationEvents.CountAsync()));

        var tooFar = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Treatment", Plan("cpt:90870", Today.AddDays(400)));
        Assert.Contains("Plan at most a year ahead.", Browsing.Text(await tooFar.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_same_plan_twice_records_it_once()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 3);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Treatment";
        var page = await client.GetStringAsync(url);
        var fields = Plan("snomed:23835007");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync(url, page, new(fields));
        var second = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Kind == CoordinationEventKind.TreatmentPlan)));
    }

    [Fact]
    public async Task Only_the_members_bh_clinician_may_plan_a_treatment()
    {
        var whitfield = await app.WhitfieldAsync();
        var notTreated = await app.WithDatabase(db => db.Members
            .Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield && r.EndOn == null))
            .Select(m => m.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{notTreated}/Assessments/Treatment")).StatusCode);
        AssertAccessDenied(await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{await app.CaseloadMemberAsync()}/Assessments/Treatment"));
        AssertAccessDenied(await (await app.SignedInAs(Browsing.CareManager)).GetAsync($"/Members/{await app.CaseloadMemberAsync()}/Assessments/Treatment"));
    }
}
