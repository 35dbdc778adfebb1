using System.Globalization;
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
/// A BH clinician's intake: reported diagnoses join the problem list, and for a member new to the clinician a comorbidity,
/// substance use disorder or major mental illness is coordinated with the PCP (T2).
/// </summary>
public class RecordingAnIntake(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private static Dictionary<string, string> Intake(params string[] codes)
    {
        var fields = new Dictionary<string, string> { ["Input.SharingDiscussedWithMember"] = "true" };
        for (var i = 0; i < codes.Length; i++)
        {
            fields[$"Input.Diagnoses[{i}].Code"] = codes[i];
        }

        return fields;
    }

    [Fact]
    public async Task A_new_member_with_alcohol_dependence_and_hypertension_is_t2_high_and_the_list_grows_once()
    {
        var memberId = await app.NewPatientTodayAsync();
        var whitfield = await app.WhitfieldAsync();
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Intake";
        var activeHypertension = await app.WithDatabase(db => db.Conditions.CountAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("I10") && c.Status == ConditionStatus.Active));

        Assert.Contains("New to you:", Browsing.Text(await client.GetStringAsync(url)), StringComparison.Ordinal);
        var response = await client.SubmitFormAsync(url, Intake("F10.20", "i10"));

        var eventId = EventId(response, memberId);
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal((CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High), (flag.Trigger, flag.Priority));
        Assert.Equal("New member reports a substance use disorder (F10.20) and a concurrent medical condition (I10).", flag.Reason);
        Assert.NotNull(await app.MessageToPcpAsync(eventId));
        var alcohol = await app.WithDatabase(db => db.Conditions.SingleAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("F10.20")));
        Assert.Equal(("Alcohol dependence, uncomplicated", whitfield, ConditionStatus.Active), (alcohol.Description, alcohol.RecordedById, alcohol.Status));
        Assert.Equal(Math.Max(activeHypertension, 1), await app.WithDatabase(db => db.Conditions.CountAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("I10") && c.Status == ConditionStatus.Active)));

        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Intake assessment: F10.20 Alcohol dependence, uncomplicated; I10 Essential (primary) hypertension", text, StringComparison.Ordinal);
        Assert.Contains("T2 New member comorbidity or change in condition", text, StringComparison.Ordinal);
        Assert.Contains("Sent to the PCP's inbox", text, StringComparison.Ordinal);
        // Now an established member of this clinician.
        Assert.Contains("Established:", Browsing.Text(await client.GetStringAsync(url)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adjustment_disorder_alone_needs_no_coordination()
    {
        var memberId = await app.NewPatientTodayAsync(skip: 1);
        var client = await app.SignedInAs(Browsing.Bh);
        var fields = Intake("F43.21");
        fields["Input.Diagnoses[0].OnsetOn"] = app.Services.GetRequiredService<PlanClock>().Today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Intake", fields);

        var eventId = EventId(response, memberId);
        Assert.Empty(await app.FlagsAsync(eventId));
        Assert.Null(await app.MessageToPcpAsync(eventId));
        Assert.True(await app.WithDatabase(db => db.Conditions.AnyAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("F43.21") && c.OnsetOn != null)));
        Assert.Contains("Coordination not needed", Browsing.Text(await client.GetStringAsync(response.Headers.Location)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task For_a_member_already_in_care_what_is_new_to_the_list_is_a_change()
    {
        var memberId = await app.CaseloadMemberAsync(Without("E11.9"), skip: 1);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Intake";
        var form = Browsing.Text(await client.GetStringAsync(url));
        Assert.Contains("Established:", form, StringComparison.Ordinal);
        Assert.Contains("in your care since", form, StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(url, Intake("E11.9"));

        var flag = Assert.Single(await app.FlagsAsync(EventId(response, memberId)));
        Assert.Equal(CoordinationTrigger.BhMedicalFinding, flag.Trigger);
    }

    [Fact]
    public async Task Bad_rows_get_messages_next_to_them_keep_what_was_typed_and_save_nothing()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);
        var before = await app.WithDatabase(async db => (await db.Conditions.CountAsync(), await db.CoordinationEvents.CountAsync()));
        var fields = Intake("banana", "Q87.89", "F32.1", "F32.1");
        fields["Input.Diagnoses[2].OnsetOn"] = app.Services.GetRequiredService<PlanClock>().Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        fields["Input.Diagnoses[4].Description"] = "Panic attacks";
        fields["Input.Note"] = new string('n', 2001);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Intake", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("Enter an ICD-10-CM code like F32.1.", text, StringComparison.Ordinal);
        Assert.Contains("Enter a description: this code is not in the common list.", text, StringComparison.Ordinal);
        Assert.Contains("The onset cannot be in the future.", text, StringComparison.Ordinal);
        Assert.Contains("F32.1 is listed twice; enter each diagnosis once.", text, StringComparison.Ordinal);
        Assert.Contains("Enter the ICD-10-CM code.", text, StringComparison.Ordinal);
        Assert.Contains("Keep the note under 2,000 characters.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"banana\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Panic attacks\"", html, StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(html, "name=\"Input.Diagnoses\\[\\d\\].Code\""));
        Assert.Equal(before, await app.WithDatabase(async db => (await db.Conditions.CountAsync(), await db.CoordinationEvents.CountAsync())));

        var empty = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Intake", Intake());
        Assert.Contains("Enter at least one diagnosis.", Browsing.Text(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var unreadableDate = Intake("F41.1");
        unreadableDate["Input.Diagnoses[0].OnsetOn"] = "2026-02-30";
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Intake", unreadableDate)).StatusCode);
        Assert.Equal(before, await app.WithDatabase(async db => (await db.Conditions.CountAsync(), await db.CoordinationEvents.CountAsync())));
    }

    [Fact]
    public async Task A_code_outside_the_common_list_is_saved_with_the_description_given()
    {
        var memberId = await app.CaseloadMemberAsync(skip: 3);
        var client = await app.SignedInAs(Browsing.Bh);
        var fields = Intake("Q87.89");
        fields["Input.Diagnoses[0].Description"] = "Other specified congenital malformation syndromes";

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Assessments/Intake", fields);

        EventId(response, memberId);
        Assert.Equal("Other specified congenital malformation syndromes",
            await app.WithDatabase(db => db.Conditions.Where(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("Q87.89")).Select(c => c.Description).SingleAsync()));
    }

    [Fact]
    public async Task Submitting_the_same_intake_twice_records_it_once()
    {
        var memberId = await app.NewPatientTodayAsync(skip: 2);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Assessments/Intake";
        var page = await client.GetStringAsync(url);
        var fields = Intake("F33.1", "E03.9");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync(url, page, new(fields));
        var second = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Kind == CoordinationEventKind.Assessment)));
        Assert.Equal(1, await app.WithDatabase(db => db.Conditions.CountAsync(c => c.MemberId == memberId && c.Code == Icd10CmCode.Parse("F33.1"))));
    }

    [Fact]
    public async Task Only_the_members_bh_clinician_may_record_an_intake()
    {
        var whitfield = await app.WhitfieldAsync();
        var notTreated = await app.WithDatabase(db => db.Members
            .Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield && r.EndOn == null))
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
        var bh = await app.SignedInAs(Browsing.Bh);
        Assert.Equal(HttpStatusCode.NotFound, (await bh.GetAsync($"/Members/{notTreated}/Assessments/Intake")).StatusCode);

        var caseloadMember = await app.CaseloadMemberAsync();
        AssertAccessDenied(await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{caseloadMember}/Assessments/Intake"));
        AssertAccessDenied(await (await app.SignedInAs(Browsing.CareManager)).GetAsync($"/Members/{caseloadMember}/Assessments/Intake"));
    }
}
