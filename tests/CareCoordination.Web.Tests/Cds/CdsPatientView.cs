using System.Net;
using System.Text.Json.Nodes;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// patient-view: opening a member's chart in the EHR shows their open coordination tasks and release status, never
/// their name in a summary; the read is audited and logs carry no PHI. A patient who is not a member gets no cards.
/// </summary>
public class CdsPatientView(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    [Fact]
    public async Task A_members_chart_shows_open_tasks_and_release_status_and_the_read_is_audited()
    {
        var member = await app.WithDatabase(db => db.Members.AsNoTracking().OrderBy(m => m.Id)
            .FirstAsync(m => db.CoordinationTasks.Any(t => t.MemberId == m.Id && t.Status == CoordinationTaskStatus.Open) && db.Releases.Any(r => r.MemberId == m.Id)));
        var openRuleIds = await app.WithDatabase(async db => (await db.CoordinationTasks.AsNoTracking()
                .Where(t => t.MemberId == member.Id && t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled)
                .Select(t => t.Trigger).ToListAsync())
            .Select(t => t.RuleId()).Order(StringComparer.Ordinal).ToList());

        var cards = await app.CardsAsync("patient-view", CdsFixtures.PatientView(MemberPatient(member)));

        var taskCards = cards.Where(c => c!["source"]!["topic"]!["system"]!.GetValue<string>() == "urn:carecoordination:rule").ToList();
        Assert.Equal(openRuleIds, taskCards.Select(c => c!["source"]!["topic"]!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(taskCards, c => Assert.StartsWith("Open coordination task", c!["summary"]!.GetValue<string>(), StringComparison.Ordinal));
        var releases = Assert.Single(cards, c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "release-status")!;
        Assert.Equal("info", releases["indicator"]!.GetValue<string>());
        Assert.StartsWith("Releases of information on file:", releases["summary"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.All(cards, card =>
        {
            var summary = card!["summary"]!.GetValue<string>();
            Assert.True(summary.Length < 140);
            Assert.DoesNotContain(member.GivenName, summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(member.FamilyName, summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(member.PlanMemberId, summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(member.FamilyName, card["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        });

        var audit = await app.WithDatabase(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.MemberId == member.Id && a.Action == AuditAction.MemberRecordViewed).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(AuditOutcome.Success, audit.Outcome);
        Assert.Equal($"cds:{CdsAppFactory.RsaIssuer}|Practitioner/prac-1", audit.UserId);

        var logs = string.Join("\n", app.Logs.Rendered);
        Assert.Contains("/cds-services/patient-view", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(member.PlanMemberId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(member.FamilyName, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_who_is_not_a_member_gets_no_cards()
    {
        using var response = await app.PostAsync("patient-view",
            CdsFixtures.PatientView(CdsFixtures.Resource("patient-member.json", ("MEMBER-ID-FROM-DEMO-PLAN", "M99999999"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_id_under_another_identifier_system_does_not_match()
    {
        var memberId = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).Select(m => m.PlanMemberId).FirstAsync());
        var patient = CdsFixtures.Resource("patient-member.json", ("MEMBER-ID-FROM-DEMO-PLAN", memberId));
        patient["identifier"]![1]!["system"] = "urn:some-other-plan:member-id";

        Assert.Empty(await app.CardsAsync("patient-view", CdsFixtures.PatientView(patient)));
    }

    [Fact]
    public async Task A_client_with_no_patient_data_gets_no_cards()
    {
        Assert.Empty(await app.CardsAsync("patient-view", CdsFixtures.PatientView(patient: null)));
    }

    [Fact]
    public async Task Without_the_patient_prefetch_the_service_cannot_answer()
    {
        var call = CdsFixtures.PatientView(patient: null);
        call.Remove("prefetch");

        using var response = await app.PostAsync("patient-view", call);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OperationOutcome", outcome["resourceType"]!.GetValue<string>());
        Assert.Contains("'patient'", outcome["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonNode MemberPatient(Member member) =>
        CdsFixtures.Resource("patient-member.json", ("MEMBER-ID-FROM-DEMO-PLAN", member.PlanMemberId));
}
