using System.Text.Json.Nodes;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// order-sign: a BH practitioner's psychotropic start or significant change (T1), a start or procedure that needs a
/// medical evaluation (T3), and a medical provider's referral to behavioral health (T4), each as a card with the
/// reason, the manual's words and a suggested coordination task.
/// </summary>
public class CdsOrderSign(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    [Fact]
    public async Task A_bh_prescriber_starting_sertraline_gets_a_t1_warning_with_a_task_to_create()
    {
        var cards = await app.CardsAsync("order-sign",
            Order(await DirectoryPractitioner(ProviderKind.BehavioralHealthPractitioner), "medicationrequest-sertraline-50mg.json"));

        var card = Assert.Single(cards)!;
        Assert.Equal("T1", Topic(card));
        Assert.Equal("urn:carecoordination:rule", card["source"]!["topic"]!["system"]!.GetValue<string>());
        Assert.Equal("CareCoordination", card["source"]!["label"]!.GetValue<string>());
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        Assert.True(Guid.TryParse(card["uuid"]!.GetValue<string>(), out _));
        var summary = card["summary"]!.GetValue<string>();
        Assert.InRange(summary.Length, 1, 139);
        Assert.Matches(@"^T1 Psychotropic start or change: coordinate with the member's PCP by \d{4}-\d{2}-\d{2}$", summary);
        var detail = card["detail"]!.GetValue<string>();
        Assert.Contains("Sertraline (antidepressant) is a new psychotropic for this member", detail, StringComparison.Ordinal);
        Assert.Contains("begins prescribing psychotropic medications or makes significant changes to the regimen", detail, StringComparison.Ordinal);

        Assert.Equal("at-most-one", card["selectionBehavior"]!.GetValue<string>());
        var suggestion = Assert.Single(card["suggestions"]!.AsArray())!;
        Assert.True(Guid.TryParse(suggestion["uuid"]!.GetValue<string>(), out _));
        var action = Assert.Single(suggestion["actions"]!.AsArray())!;
        Assert.Equal("create", action["type"]!.GetValue<string>());
        var task = action["resource"]!;
        Assert.Equal("Task", task["resourceType"]!.GetValue<string>());
        Assert.Equal("requested", task["status"]!.GetValue<string>());
        Assert.Equal("order", task["intent"]!.GetValue<string>());
        Assert.Equal("urgent", task["priority"]!.GetValue<string>());
        Assert.Equal("T1", task["code"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Patient/pat-1001", task["for"]!["reference"]!.GetValue<string>());
        Assert.Equal("Encounter/enc-2001", task["encounter"]!["reference"]!.GetValue<string>());
        Assert.Equal("MedicationRequest/draft-sertraline-50", task["focus"]!["reference"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", task["restriction"]!["period"]!["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starting_lithium_asks_for_a_medical_evaluation_as_well_as_t1()
    {
        var cards = await app.CardsAsync("order-sign",
            Order(Psychiatrist(), "medicationrequest-lithium-start.json"));

        Assert.Equal(["T1", "T3"], cards.Select(c => Topic(c!)).Order(StringComparer.Ordinal));
        var t3 = cards.Single(c => Topic(c!) == "T3")!;
        Assert.Equal("warning", t3["indicator"]!.GetValue<string>());
        var detail = t3["detail"]!.GetValue<string>();
        Assert.Contains("Lithium needs baseline renal and thyroid function", detail, StringComparison.Ordinal);
        Assert.Contains("considering treatment that requires a medical evaluation", detail, StringComparison.Ordinal);
        Assert.Contains("medical evaluation by the member's PCP", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halving_an_active_sertraline_dose_is_a_significant_change()
    {
        var draft = CdsFixtures.Resource("medicationrequest-sertraline-50mg.json");
        draft["priorPrescription"] = new JsonObject { ["reference"] = "MedicationRequest/active-sertraline-100" };

        var cards = await app.CardsAsync("order-sign", CdsFixtures.OrderSign(
            CdsFixtures.Collection(draft), Psychiatrist(), CdsFixtures.Resource("searchset-active-sertraline-100mg.json")));

        var card = Assert.Single(cards)!;
        Assert.Equal("T1", Topic(card));
        Assert.Contains("Sertraline daily dose changed from 100 mg to 50 mg (-50%)", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_replacing_an_active_one_through_prior_prescription_is_a_switch()
    {
        var draft = CdsFixtures.Resource("medicationrequest-sertraline-50mg.json");
        draft["medicationCodeableConcept"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject
            {
                ["system"] = "http://www.nlm.nih.gov/research/umls/rxnorm",
                ["code"] = "321988",
                ["display"] = "escitalopram",
            }),
            ["text"] = "escitalopram 10 MG Oral Tablet",
        };
        draft["priorPrescription"] = new JsonObject { ["reference"] = "https://ehr.example.test/fhir/MedicationRequest/active-sertraline-100" };

        var cards = await app.CardsAsync("order-sign", CdsFixtures.OrderSign(
            CdsFixtures.Collection(draft), Psychiatrist(), CdsFixtures.Resource("searchset-active-sertraline-100mg.json")));

        var card = Assert.Single(cards)!;
        Assert.Equal("T1", Topic(card));
        Assert.Contains("Switched from sertraline to escitalopram (antidepressant)", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarter_dose_reduction_by_timing_code_is_not_significant()
    {
        var cards = await app.CardsAsync("order-sign", CdsFixtures.OrderSign(
            CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-sertraline-75mg.json")),
            Psychiatrist(),
            CdsFixtures.Resource("searchset-active-sertraline-100mg.json")));

        Assert.Empty(cards);
    }

    [Fact]
    public async Task A_non_psychotropic_order_gets_an_empty_card_list()
    {
        using var response = await app.PostAsync("order-sign",
            Order(await DirectoryPractitioner(ProviderKind.BehavioralHealthPractitioner), "medicationrequest-lisinopril.json"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_psychotropic_started_by_a_pcp_is_not_a_bh_regimen_change()
    {
        var cards = await app.CardsAsync("order-sign",
            Order(await DirectoryPractitioner(ProviderKind.PrimaryCarePhysician), "medicationrequest-sertraline-50mg.json"));

        Assert.Empty(cards);
    }

    [Fact]
    public async Task A_bh_practitioner_planning_ect_gets_a_t3_card()
    {
        var cards = await app.CardsAsync("order-sign",
            Order(Psychiatrist(), "servicerequest-ect.json"));

        var card = Assert.Single(cards)!;
        Assert.Equal("T3", Topic(card));
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        Assert.Contains("Electroconvulsive therapy (ECT) is planned (CPT 90870)", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ServiceRequest/draft-ect", card["suggestions"]![0]!["actions"]![0]!["resource"]!["focus"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pcp_referral_to_psychiatry_is_a_routine_t4_through_member_services()
    {
        var cards = await app.CardsAsync("order-sign",
            Order(await DirectoryPractitioner(ProviderKind.PrimaryCarePhysician), "servicerequest-referral-psychiatry.json"));

        var card = Assert.Single(cards)!;
        Assert.Equal("T4", Topic(card));
        Assert.Equal("info", card["indicator"]!.GetValue<string>());
        var detail = card["detail"]!.GetValue<string>();
        Assert.StartsWith("T4 Referral to behavioral health: the member calls Member Services", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("The PCP referred the member to behavioral health", detail, StringComparison.Ordinal);
        Assert.Contains("Member Services", detail, StringComparison.Ordinal);
        Assert.Equal("routine", card["suggestions"]![0]!["actions"]![0]!["resource"]!["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_referral_to_a_psychologist_by_performer_type_with_co_occurring_conditions_goes_to_bh_provider_services()
    {
        var cards = await app.CardsAsync("order-sign", CdsFixtures.OrderSign(
            CdsFixtures.Collection(CdsFixtures.Resource("servicerequest-referral-to-psychologist.json")),
            CdsFixtures.Resource("practitionerrole-family-medicine.json"),
            conditions: CdsFixtures.SearchSet(CdsFixtures.Resource("condition-major-depression.json"), CdsFixtures.Resource("condition-type2-diabetes.json"))));

        var card = Assert.Single(cards)!;
        Assert.Equal("T4", Topic(card));
        Assert.StartsWith("T4 Referral to behavioral health: contact Behavioral Health Provider Services", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("specialized help, so contact Behavioral Health Provider Services", card["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bh_practitioner_referring_to_psychiatry_raises_no_t4()
    {
        var cards = await app.CardsAsync("order-sign",
            Order(Psychiatrist(), "servicerequest-referral-psychiatry.json"));

        Assert.Empty(cards);
    }

    [Fact]
    public async Task A_user_known_neither_by_npi_nor_by_taxonomy_gets_no_cards()
    {
        // Orders that fire T1 and T3 for a BH practitioner, and T4 for a medical provider: an unknown user is neither.
        var drafts = CdsFixtures.Collection(
            CdsFixtures.Resource("medicationrequest-lithium-start.json"), CdsFixtures.Resource("servicerequest-referral-psychiatry.json"));
        var cards = await app.CardsAsync("order-sign",
            CdsFixtures.OrderSign(drafts, CdsFixtures.Resource("practitioner-without-credentials.json")));

        Assert.Empty(cards);
    }

    [Fact]
    public async Task Drug_names_from_the_ehr_cannot_inject_markdown_into_a_card()
    {
        var draft = CdsFixtures.Resource("medicationrequest-sertraline-50mg.json");
        draft["medicationCodeableConcept"]!["text"] = "sertraline [click](https://evil.example) <b>";

        var cards = await app.CardsAsync("order-sign",
            CdsFixtures.OrderSign(CdsFixtures.Collection(draft), Psychiatrist()));

        var detail = Assert.Single(cards)!["detail"]!.GetValue<string>();
        Assert.DoesNotContain("[click](", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", detail, StringComparison.Ordinal);
    }

    private static JsonObject Order(JsonNode user, string draft) =>
        CdsFixtures.OrderSign(CdsFixtures.Collection(CdsFixtures.Resource(draft)), user);

    private static JsonNode Psychiatrist() => CdsFixtures.Resource("practitionerrole-psychiatrist.json");

    private static string Topic(JsonNode card) => card["source"]!["topic"]!["code"]!.GetValue<string>();

    /// <summary>A FHIR Practitioner carrying the NPI of a provider of this kind in the demo plan's directory.</summary>
    private async Task<JsonNode> DirectoryPractitioner(ProviderKind kind)
    {
        var npi = await app.WithDatabase(db => db.Providers.Where(p => p.Kind == kind).OrderBy(p => p.Id).Select(p => p.Npi).FirstAsync());
        return CdsFixtures.Resource("practitioner-with-npi.json", ("NPI-FROM-DEMO-DIRECTORY", npi.Value));
    }
}
