using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareCoordination.Web.Tests.Prescriptions.BhCaseload;

namespace CareCoordination.Web.Tests.Prescriptions;

/// <summary>
/// A BH prescriber changes a dose (the old order stops yesterday, a new one starts today) or stops an order; the rules
/// decide whether the change is significant enough to tell the PCP.
/// </summary>
public class ChangingAndStoppingAMedication(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private const string Sertraline = "N06AB06";

    private DateOnly Today => app.Services.GetRequiredService<PlanClock>().Today;

    private static Dictionary<string, string> Change(string dose, string reason = "Partial response at 8 weeks", string unit = "mg", string frequency = "OnceDaily") => new()
    {
        ["Input.Dose"] = dose,
        ["Input.DoseUnit"] = unit,
        ["Input.Frequency"] = frequency,
        ["Input.Reason"] = reason,
        ["Input.SharingDiscussedWithMember"] = "true",
    };

    private static Dictionary<string, string> Stop(string reason) => new()
    {
        ["Input.Reason"] = reason,
        ["Input.SharingDiscussedWithMember"] = "false",
    };

    private Task<int> OpenSertralineOf(int memberId) =>
        app.WithDatabase(db => db.MedicationOrders.Where(o => o.MemberId == memberId && o.AtcCode == Sertraline && o.StopOn == null).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Doubling_sertraline_from_50_to_100_mg_is_t1_and_replaces_the_order()
    {
        // The last such member, so that the demo's sertraline patients keep their order for the other tests.
        var memberId = await app.CaseloadMemberAsync(NotTaking(Sertraline), newestFirst: true);
        var orderId = await app.PrescribedAsync(memberId, "sertraline 50 MG Oral Tablet", Sertraline, 50m, MedicationFrequency.OnceDaily);
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change", Change("100"));

        var eventId = EventId(response, memberId);
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal((CoordinationTrigger.PsychotropicStartOrChange, Priority.High), (flag.Trigger, flag.Priority));
        Assert.Equal("Sertraline daily dose changed from 50 mg to 100 mg (+100%), at or above the 50% threshold.", flag.Reason);
        Assert.NotNull(await app.MessageToPcpAsync(eventId));
        var orders = await app.WithDatabase(db => db.MedicationOrders.Where(o => o.MemberId == memberId && o.AtcCode == Sertraline).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(2, orders.Count);
        Assert.Equal((Today.AddDays(-1), "Partial response at 8 weeks"), (orders[0].StopOn, orders[0].StopReason));
        Assert.Equal(("sertraline 50 MG Oral Tablet", 100m, Today, (DateOnly?)null), (orders[1].DrugName, orders[1].Dose, orders[1].StartOn, orders[1].StopOn));

        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Changed sertraline from 50 mg once daily to 100 mg once daily", text, StringComparison.Ordinal);
        Assert.Contains(flag.Reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raising_sertraline_from_100_to_125_mg_is_recorded_without_a_flag()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 1);
        var orderId = await OpenSertralineOf(memberId);
        var client = await app.SignedInAs(Browsing.Bh);

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change", Change("125"));

        var eventId = EventId(response, memberId);
        Assert.Empty(await app.FlagsAsync(eventId));
        Assert.Null(await app.MessageToPcpAsync(eventId));
        Assert.Equal(125m, await app.WithDatabase(db => db.MedicationOrders.Where(o => o.MemberId == memberId && o.AtcCode == Sertraline && o.StopOn == null).Select(o => o.Dose).SingleAsync()));
        Assert.Contains("Coordination not needed", Browsing.Text(await client.GetStringAsync(response.Headers.Location)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_daily_dose_in_another_form_fires_nothing_but_an_unchanged_regimen_is_refused()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 2);
        var orderId = await OpenSertralineOf(memberId);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Prescriptions/{orderId}/Change";

        var unchanged = await client.SubmitFormAsync(url, Change("100"));
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Contains("Nothing changed: enter a new dose, unit or frequency, or go back.", Browsing.Text(await unchanged.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var split = await client.SubmitFormAsync(url, Change("50", frequency: "TwiceDaily"));
        Assert.Empty(await app.FlagsAsync(EventId(split, memberId)));
    }

    [Fact]
    public async Task A_change_without_a_reason_or_a_readable_dose_is_refused_and_keeps_the_order()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 3);
        var orderId = await OpenSertralineOf(memberId);
        var client = await app.SignedInAs(Browsing.Bh);
        var events = await app.WithDatabase(db => db.CoordinationEvents.CountAsync());

        var response = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change", Change("1oo", reason: " ", unit: ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("Enter the dose as a number, like 50 or 0.5.", text, StringComparison.Ordinal);
        Assert.Contains("Choose the unit.", text, StringComparison.Ordinal);
        Assert.Contains("Say why the dose is changing.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"1oo\"", html, StringComparison.Ordinal);
        Assert.Null(await app.WithDatabase(db => db.MedicationOrders.Where(o => o.Id == orderId).Select(o => o.StopOn).SingleAsync()));
        Assert.Equal(events, await app.WithDatabase(db => db.CoordinationEvents.CountAsync()));

        var tooLong = await client.SubmitFormAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change", Change("150", reason: new string('x', 501)));
        Assert.Contains("Keep the reason under 500 characters.", Browsing.Text(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_a_psychotropic_with_a_reason_is_a_t1_discontinuation()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 4);
        var orderId = await OpenSertralineOf(memberId);
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Prescriptions/{orderId}/Stop";

        var missing = await client.SubmitFormAsync(url, Stop(""));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Say why the medication is stopping.", Browsing.Text(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync(url, Stop("Sexual side effects"));

        var eventId = EventId(response, memberId);
        var flag = Assert.Single(await app.FlagsAsync(eventId));
        Assert.Equal("Sertraline (antidepressant) was discontinued: Sexual side effects.", flag.Reason);
        Assert.NotNull(await app.MessageToPcpAsync(eventId));
        var order = await app.WithDatabase(db => db.MedicationOrders.SingleAsync(o => o.Id == orderId));
        Assert.Equal((Today.AddDays(-1), "Sexual side effects"), (order.StopOn, order.StopReason));
        var text = Browsing.Text(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains("Stopped sertraline 100 mg once daily", text, StringComparison.Ordinal);
        Assert.Contains("Sharing was not recorded as discussed with the member.", text, StringComparison.Ordinal);

        // Stopped now: it can be neither changed nor stopped again, and the list shows when and why it stopped.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change")).StatusCode);
        var list = Browsing.Text(await client.GetStringAsync($"/Members/{memberId}/Prescriptions"));
        Assert.Contains(": Sexual side effects", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_puts_open_orders_first_with_their_actions()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline));
        var stopped = await app.PrescribedAsync(memberId, "hydroxyzine 25 MG Oral Tablet", "N05BB01", 25m, MedicationFrequency.AsNeeded);
        await app.WithDatabase(async db =>
        {
            (await db.MedicationOrders.SingleAsync(o => o.Id == stopped)).Stop(Today.AddDays(-3), "No longer needed");
            return await db.SaveChangesAsync();
        });
        var open = await OpenSertralineOf(memberId);
        var client = await app.SignedInAs(Browsing.Bh);

        var html = await client.GetStringAsync($"/Members/{memberId}/Prescriptions");

        var text = Browsing.Text(html);
        Assert.True(text.IndexOf("sertraline 100 MG Oral Tablet", StringComparison.Ordinal) < text.IndexOf("hydroxyzine 25 MG Oral Tablet", StringComparison.Ordinal));
        Assert.Contains("Samuel Whitfield, MD", text, StringComparison.Ordinal);
        Assert.Contains("as needed", text, StringComparison.Ordinal);
        Assert.Contains(": No longer needed", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/{memberId}/Prescriptions/{open}/Change\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/{memberId}/Prescriptions/{open}/Stop\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Prescriptions/{stopped}/Change", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Members/{memberId}/Prescriptions/New\"", html, StringComparison.Ordinal);
        Assert.Contains("psychotherapy notes are never included", text, StringComparison.Ordinal);
        Assert.True(await app.WithDatabase(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.MemberRecordViewed && a.MemberId == memberId && a.Outcome == AuditOutcome.Success)));
    }

    [Fact]
    public async Task Another_members_order_is_not_found()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 1);
        var otherMember = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 3);
        var othersOrder = await OpenSertralineOf(otherMember);
        var client = await app.SignedInAs(Browsing.Bh);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Prescriptions/{othersOrder}/Change")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Prescriptions/{othersOrder}/Stop")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Members/{memberId}/Prescriptions/999999/Change")).StatusCode);
    }

    [Fact]
    public async Task A_psychologist_reads_the_list_but_cannot_change_or_stop_an_order()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline), skip: 2);
        var orderId = await OpenSertralineOf(memberId);
        var client = await app.SignedInAsPsychologistTreating(memberId);

        var list = await client.GetStringAsync($"/Members/{memberId}/Prescriptions");
        Assert.Contains("sertraline 100 MG Oral Tablet", list, StringComparison.Ordinal);
        Assert.Contains("Prescribing needs prescriptive authority", Browsing.Text(list), StringComparison.Ordinal);
        Assert.DoesNotContain("/Prescriptions/New", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Prescriptions/{orderId}/Stop", list, StringComparison.Ordinal);

        var stop = await client.PostFormAsync($"/Members/{memberId}/Prescriptions/{orderId}/Stop", list, Stop("Member asked to stop"));
        Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        Assert.Contains("Prescribing needs prescriptive authority", Browsing.Text(await stop.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var change = await client.PostFormAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change", list, Change("200"));
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Null(await app.WithDatabase(db => db.MedicationOrders.Where(o => o.Id == orderId).Select(o => o.StopOn).SingleAsync()));
    }

    [Fact]
    public async Task Submitting_the_same_stop_twice_records_one_event()
    {
        var memberId = await app.CaseloadMemberAsync(Taking("N06AX05"));
        var orderId = await app.WithDatabase(db => db.MedicationOrders.Where(o => o.MemberId == memberId && o.AtcCode == "N06AX05" && o.StopOn == null).Select(o => o.Id).SingleAsync());
        var client = await app.SignedInAs(Browsing.Bh);
        var url = $"/Members/{memberId}/Prescriptions/{orderId}/Stop";
        var page = await client.GetStringAsync(url);
        var fields = Stop("Sleeping well without it");
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;

        var first = await client.PostFormAsync(url, page, new(fields));
        var second = await client.PostFormAsync(url, page, new(fields));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync(e => e.MemberId == memberId && e.Summary.StartsWith("Stopped trazodone"))));
    }

    [Fact]
    public async Task Only_bh_clinicians_reach_the_change_and_stop_pages()
    {
        var memberId = await app.CaseloadMemberAsync(Taking(Sertraline));
        var orderId = await OpenSertralineOf(memberId);
        AssertAccessDenied(await (await app.SignedInAs(Browsing.Pcp)).GetAsync($"/Members/{memberId}/Prescriptions/{orderId}/Change"));
        AssertAccessDenied(await (await app.SignedInAs(Browsing.CareManager)).GetAsync($"/Members/{memberId}/Prescriptions/{orderId}/Stop"));
    }
}
