using System.Net;
using System.Text.Json.Nodes;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// condition-record (our own hook): a BH practitioner's intake or an established member's new diagnoses (T2,
/// BH-MEDICAL-FINDING), and a medical provider's suspected psychiatric or substance use problem or positive screen (PCP-FINDING).
/// </summary>
public class CdsConditionRecord(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    [Fact]
    public async Task An_intake_reporting_alcohol_dependence_and_hypertension_is_a_high_priority_t2()
    {
        var cards = await app.CardsAsync("condition-record", CdsFixtures.ConditionRecord(
            await DirectoryPractitioner(ProviderKind.BehavioralHealthPractitioner), newToPractitioner: true,
            [CdsFixtures.Resource("condition-alcohol-dependence.json"), CdsFixtures.Resource("condition-hypertension.json")]));

        var card = Assert.Single(cards)!;
        Assert.Equal("T2", Topic(card));
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains("New member reports a substance use disorder (F10.20) and a concurrent medical condition (I10)", detail, StringComparison.Ordinal);
        Assert.Contains("when a new member reports a concurrent medical condition", detail, StringComparison.Ordinal);
        Assert.Equal("Patient/pat-1001", card["suggestions"]![0]!["actions"]![0]!["resource"]!["for"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_medical_condition_found_after_the_initial_assessment_is_a_bh_medical_finding()
    {
        var cards = await app.CardsAsync("condition-record", CdsFixtures.ConditionRecord(
            CdsFixtures.Resource("practitionerrole-psychiatrist.json"), newToPractitioner: false,
            [CdsFixtures.Resource("condition-type2-diabetes.json"), CdsFixtures.Resource("condition-major-depression.json")],
            activeConditions: [CdsFixtures.Resource("condition-major-depression.json")]));

        var card = Assert.Single(cards)!;
        Assert.Equal("BH-MEDICAL-FINDING", Topic(card));
        Assert.Equal("info", card["indicator"]!.GetValue<string>());
        Assert.Contains("E11.9 Type 2 diabetes mellitus without complications", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pcp_recording_a_positive_phq9_with_item_9_above_zero_gets_a_critical_same_day_card()
    {
        var cards = await app.CardsAsync("condition-record", CdsFixtures.ConditionRecord(
            CdsFixtures.Resource("practitionerrole-family-medicine.json"), newToPractitioner: false, [],
            observations: [CdsFixtures.Resource("observation-phq9-total.json"), CdsFixtures.Resource("observation-phq9-item9.json")]));

        var card = Assert.Single(cards)!;
        Assert.Equal("PCP-FINDING", Topic(card));
        Assert.Equal("critical", card["indicator"]!.GetValue<string>());
        Assert.Contains("988", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(card["summary"]!.GetValue<string>().Length < 140);
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains("PHQ-9 item 9 answered 1 (above zero); PHQ-9 17 (positive at 10)", detail, StringComparison.Ordinal);
        Assert.Contains("Crisis resources", detail, StringComparison.Ordinal);
        Assert.Contains("the PCP may contact Behavioral Health Provider Services", detail, StringComparison.Ordinal);
        Assert.Equal("stat", card["suggestions"]![0]!["actions"]![0]!["resource"]!["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pcp_suspecting_depression_gets_a_pcp_finding()
    {
        var cards = await app.CardsAsync("condition-record", CdsFixtures.ConditionRecord(
            await DirectoryPractitioner(ProviderKind.PrimaryCarePhysician), newToPractitioner: false, [CdsFixtures.Resource("condition-major-depression.json")]));

        var card = Assert.Single(cards)!;
        Assert.Equal("PCP-FINDING", Topic(card));
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        Assert.Contains("suspected F32.1", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diagnosis_already_on_the_problem_list_is_not_a_new_finding()
    {
        var depression = CdsFixtures.Resource("condition-major-depression.json");
        var cards = await app.CardsAsync("condition-record", CdsFixtures.ConditionRecord(
            await DirectoryPractitioner(ProviderKind.PrimaryCarePhysician), newToPractitioner: false, [depression], activeConditions: [depression]));

        Assert.Empty(cards);
    }

    [Fact]
    public async Task A_screening_score_out_of_its_range_is_refused()
    {
        var phq9 = CdsFixtures.Resource("observation-phq9-total.json");
        phq9["valueQuantity"]!["value"] = 30;

        using var response = await app.PostAsync("condition-record", CdsFixtures.ConditionRecord(
            CdsFixtures.Resource("practitionerrole-family-medicine.json"), newToPractitioner: false, [], observations: [phq9]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid", outcome["issue"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("PHQ-9 total", outcome["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_context_must_say_whether_the_member_is_new_to_the_practitioner()
    {
        var call = CdsFixtures.ConditionRecord(CdsFixtures.Resource("practitionerrole-psychiatrist.json"), newToPractitioner: true, []);
        call["context"]!.AsObject().Remove("newToPractitioner");

        using var response = await app.PostAsync("condition-record", call);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("required", outcome["issue"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("newToPractitioner", outcome["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Topic(JsonNode card) => card["source"]!["topic"]!["code"]!.GetValue<string>();

    private async Task<JsonNode> DirectoryPractitioner(ProviderKind kind)
    {
        var npi = await app.WithDatabase(db => db.Providers.Where(p => p.Kind == kind).OrderBy(p => p.Id).Select(p => p.Npi).FirstAsync());
        return CdsFixtures.Resource("practitioner-with-npi.json", ("NPI-FROM-DEMO-DIRECTORY", npi.Value));
    }
}
