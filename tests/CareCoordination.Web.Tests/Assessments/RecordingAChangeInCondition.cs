using System.Net;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Tests.Prescriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareCoordination.Web.Tests.Prescriptions.BhCaseload;

namespace CareCoordination.Web.Tests.Assessments;

/// <summary>
/// A change in condition for a member the BH clinician already treats: a worse or returning condition or a new behavioral
/// diagnosis is T2; a medical condition found after the initial assessment is BH-MEDICAL-FINDING; a resolution fires nothing.
/// </summary>
public class RecordingAChangeInCondition(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private DateOnly Today => app.Services.GetRequiredService<PlanClock>().Today;

    private static Dictionary<string, string> Changes(IReadOnlyList<(int ConditionId, string Action)> existing, params string[] added)
    {
        var fields = new Dictionary<string, string> { ["Input.SharingDiscussedWithMember"] = "true" };
        for (var i = 0; i < existing.Count; i++)
        {
            fields[$"Input.Existing[{i}].ConditionId"] = existing[i].ConditionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Input.Existing[{i}].Action"] = existing[i].Action;
        }

        for (var i = 0; i < added.Length; i++)
        {
            fields[$"Input.Added[{i}].Code"] = added[i];
        }

        return fields;
    }

    private Task<int> ConditionOf(int memberId, string code) =>
        app.WithDatabase(db => db.Conditions.Where(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse(code)).Select(c => c.Id).FirstAsync());

    [Fact]
    public async Task A_new_medical_diagnosis_for_an_established_member_is_a_bh_medical_finding()
    {
        var memberId = await app.CaseloadMemberAsync(Without("E11.9"));
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Condition";
        Assert.Contains("Established:", Browsing.Text(await client.GetStringAsync(url)), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(url, Changes([], "E11.9"));

        var eventId = EventId(response, memberId);
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal((CoordinationTrigger.BhMedicalFinding, Priority.Routine), (flag.Trigger, flag.Priority));
        Assert.Equal("After the initial assessment, a medical condition was found: E11.9 Type 2 diabetes mellitus without complications.", flag.Reason);
        Assert.NotNull(await app.MessageToPcpAsync(eventId));
        Assert.True(await app.WithDatabase(db => db.Conditions.AnyAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("E11.9") && c.Status == ConditionStatus.Active)));
        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Change in condition: E11.9 Type 2 diabetes mellitus without complications: new", text, StringComparison.Ordinal);
        Assert.Contains("BH-MEDICAL-FINDING", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worse_depression_is_t2_while_resolved_hypertension_is_only_recorded()
    {
        var memberId = await app.CaseloadMemberAsync(db => m => db.Conditions.Any(c => c.MemberId == m.Id && c.Code == Icd10CmCode.Parse("F32.1"))
            && db.Conditions.Any(c => c.MemberId == m.Id && c.Code == Icd10CmCode.Parse("I10")));
        var (depression, hypertension) = (await ConditionOf(memberId, "F32.1"), await ConditionOf(memberId, "I10"));
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Condition", Changes([(hypertension, "Resolved"), (depression, "Worse")]));

        var eventId = EventId(response, memberId);
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal((CoordinationTrigger.NewMemberComorbidityOrChange, Priority.Routine), (flag.Trigger, flag.Priority));
        Assert.Equal("Established member's condition changed: worse (F32.1).", flag.Reason);
        var resolved = await app.WithDatabase(db => db.Conditions.SingleAsync(c => c.Id == hypertension));
        Assert.Equal((ConditionStatus.Resolved, (DateOnly?)Today), (resolved.Status, resolved.ResolvedOn));
        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("F32.1 Major depressive disorder, single episode, moderate: worse", text, StringComparison.Ordinal);
        Assert.Contains("I10 Essential (primary) hypertension: resolved", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resolved_condition_that_returns_is_t2_and_active_again()
    {
        var memberId = await app.CaseloadMemberAsync(WithActive("F32.1"), skip: 1);
        var depression = await ConditionOf(memberId, "F32.1");
        await app.WithDatabase(async db =>
        {
            (await db.Conditions.SingleAsync(c => c.Id == depression)).Resolve(Today.AddDays(-90));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Condition";
        Assert.Contains("Active again", await client.GetStringAsync(url), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(url, Changes([(depression, "ActiveAgain")]));

        var flag = Assert.Single(await app.FlagsAsync(EventId(response, memberId)));
        Assert.Equal("Established member's condition changed: active again (F32.1).", flag.Reason);
        var condition = await app.WithDatabase(db => db.Conditions.SingleAsync(c => c.Id == depression));
        Assert.Equal((ConditionStatus.Active, (DateOnly?)null), (condition.Status, condition.ResolvedOn));
    }

    [Fact]
    public async Task A_resolution_alone_is_recorded_without_a_flag()
    {
        var memberId = await app.CaseloadMemberAsync(WithActive("F31.81"));
        var bipolar = await ConditionOf(memberId, "F31.81");
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Condition", Changes([(bipolar, "Resolved")]));

        var eventId = EventId(response, memberId);
        Assert.Empty(await app.FlagsAsync(eventId));
        Assert.Null(await app.MessageToPcpAsync(eventId));
        Assert.Equal(ConditionStatus.Resolved, await app.WithDatabase(db => db.Conditions.Where(c => c.Id == bipolar).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_new_behavioral_diagnosis_is_t2()
    {
        var memberId = await app.CaseloadMemberAsync(Without("F41.1"), skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Condition", Changes([], "F41.1"));

        var flag = Assert.Single(await app.FlagsAsync(EventId(response, memberId)));
        Assert.Equal((CoordinationTrigger.NewMemberComorbidityOrChange, "Established member's condition changed: new (F41.1)."), (flag.Trigger, flag.Reason));
    }

    [Fact]
    public async Task Nothing_chosen_or_a_diagnosis_already_active_is_refused_and_nothing_is_saved()
    {
        var memberId = await app.CaseloadMemberAsync(WithActive("F32.1"), skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Condition";
        var before = await app.WithDatabase(async db => (await db.Conditions.CountAsync(), await db.CoordinationEvents.CountAsync()));

        var nothing = await client.SubmitFormAsync(url, Changes([]));
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Contains("Nothing to record: mark a condition worse, resolved or active again, or add a diagnosis.", Browsing.Text(await nothing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var fields = Changes([], "F32.1", "E1");
        fields["Input.Note"] = "Sleep worse since the move";
        var duplicate = await client.SubmitFormAsync(url, fields);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var html = await duplicate.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("F32.1 is already active on the problem list: mark it Worse above if it changed.", text, StringComparison.Ordinal);
        Assert.Contains("Enter an ICD-10-CM code like F32.1.", text, StringComparison.Ordinal);
        Assert.Contains("Sleep worse since the move", html, StringComparison.Ordinal);
        Assert.Contains("value=\"E1\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabase(async db => (await db.Conditions.CountAsync(), await db.CoordinationEvents.CountAsync())));
    }

    [Fact]
    public async Task A_member_new_to_the_clinician_is_sent_to_the_intake_first()
    {
        var memberId = await app.NewPatientTodayAsync();
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Condition";

        var form = await client.GetStringAsync(url);
        Assert.Contains("New to you:", Browsing.Text(form), StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/{memberId}/Assessments/Intake\"", form, StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(url, Changes([], "E11.9"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This member is new to you: record the intake assessment first.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDatabase(db => db.CoordinationEvents.AnyAsync(e => e.MemberId == memberId)));
    }

    [Fact]
    public async Task Submitting_the_same_change_twice_records_it_once()
    {
        var memberId = await app.CaseloadMemberAsync(Without("E78.5"), skip: 3);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Condition";
        var page = await client.GetStringAsync(url);
        var fields = Changes([], "E78.5");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;
        var assessmentsBefore = await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Kind == CoordinationEventKind.Assessment));

        var first = await client.PostFormAsync(url, page, new(fields));
        var second = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.Conditions.CountAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("E78.5"))));
        Assert.Equal(assessmentsBefore + 1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Kind == CoordinationEventKind.Assessment)));
    }

    [Fact]
    public async Task Only_the_members_bh_clinician_may_record_a_change()
    {
        var whitfield = await app.WhitfieldAsync();
        var notTreated = await app.WithDatabase(db => db.Members
            .Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield))
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAs(Browsing.Bh)).GetAsync($"/Members/{notTreated}/Assessments/Condition")).StatusCode);
        AssertAccessDenied(await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{await app.CaseloadMemberAsync()}/Assessments/Condition"));
    }
}
