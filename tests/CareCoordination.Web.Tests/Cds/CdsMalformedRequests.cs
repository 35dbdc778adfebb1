using System.Net;
using System.Text.Json.Nodes;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// Whatever an EHR sends, the answer is never a 500: a malformed call gets 400 (412 for a missing prefetch, 404 for
/// an unknown service) with an OperationOutcome whose diagnostics name the problem without echoing the data.
/// </summary>
public class CdsMalformedRequests(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    private static JsonObject ValidOrderSign() => CdsFixtures.OrderSign(
        CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-sertraline-50mg.json")), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

    [Fact]
    public async Task A_body_that_is_not_json_is_invalid()
    {
        var diagnostics = await AssertOutcome(await app.PostAsync("order-sign", "{\"hook\": \"order-sign\", "), HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("not valid JSON", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_context_is_refused_as_incomplete()
    {
        var call = ValidOrderSign();
        call.Remove("context");
        await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "required");
    }

    [Fact]
    public async Task A_call_without_draft_orders_is_refused_as_incomplete()
    {
        var call = ValidOrderSign();
        call["context"]!.AsObject().Remove("draftOrders");
        var diagnostics = await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "required");
        Assert.Contains("context.draftOrders", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_for_another_hook_is_invalid()
    {
        var call = ValidOrderSign();
        call["hook"] = "patient-view";
        await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task Draft_orders_that_are_not_a_bundle_are_invalid()
    {
        var call = CdsFixtures.OrderSign(CdsFixtures.Resource("patient-member.json"), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));
        var diagnostics = await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("Bundle", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_order_of_a_resource_type_that_is_not_an_order_is_invalid()
    {
        var call = CdsFixtures.OrderSign(CdsFixtures.Collection(CdsFixtures.Resource("patient-member.json")), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));
        var diagnostics = await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("not Patient", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("Doe", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_prefetch_that_is_not_a_practitioner_is_invalid()
    {
        var call = CdsFixtures.OrderSign(CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-lisinopril.json")), CdsFixtures.Resource("patient-member.json"));
        var diagnostics = await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "invalid");
        Assert.Contains("prefetch.user", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_with_values_fhir_does_not_allow_is_invalid_and_the_values_are_not_echoed()
    {
        var draft = CdsFixtures.Resource("medicationrequest-sertraline-50mg.json");
        draft["status"] = "Jordan-Doe-1984";
        draft["dosageInstruction"]![0]!["timing"]!["repeat"]!["frequency"] = "Jordan Doe";
        var call = CdsFixtures.OrderSign(CdsFixtures.Collection(draft), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

        using var response = await app.PostAsync("order-sign", call);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("context.draftOrders is not a valid FHIR R4 resource", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Jordan", string.Join("\n", app.Logs.Rendered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absurd_dosage_is_read_as_an_unknown_daily_dose_not_a_server_error()
    {
        var draft = CdsFixtures.Resource("medicationrequest-sertraline-50mg.json");
        draft["dosageInstruction"]![0]!["timing"]!["repeat"]!["period"] = 0.0000000000000000000000001m;
        draft["dosageInstruction"]![0]!["timing"]!["repeat"]!["periodUnit"] = "s";
        draft["dosageInstruction"]![0]!["doseAndRate"]![0]!["doseQuantity"]!["value"] = 1e27m;
        var call = CdsFixtures.OrderSign(CdsFixtures.Collection(draft), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

        var card = Assert.Single(await app.CardsAsync("order-sign", call))!;
        Assert.Equal("T1", card["source"]!["topic"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resource_without_a_resource_type_is_invalid()
    {
        var call = CdsFixtures.OrderSign(new JsonObject { ["type"] = "collection" }, CdsFixtures.Resource("practitionerrole-psychiatrist.json"));
        await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task Without_the_user_prefetch_the_service_cannot_answer()
    {
        var call = ValidOrderSign();
        call["prefetch"]!.AsObject().Remove("user");
        var diagnostics = await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.PreconditionFailed, "required");
        Assert.Contains("'user'", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_medications_prefetch_a_medication_order_cannot_be_judged()
    {
        var call = ValidOrderSign();
        call["prefetch"]!.AsObject().Remove("medications");
        await AssertOutcome(await app.PostAsync("order-sign", call), HttpStatusCode.PreconditionFailed, "required");
    }

    [Fact]
    public async Task An_unknown_service_is_not_found()
    {
        var call = ValidOrderSign();
        var token = app.Token("/cds-services/no-such-service");
        await AssertOutcome(await app.PostAsync("no-such-service", call.ToJsonString(), token), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<string> AssertOutcome(HttpResponseMessage response, HttpStatusCode status, string issueCode)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {body}");
            var outcome = JsonNode.Parse(body)!;
            Assert.Equal("OperationOutcome", outcome["resourceType"]!.GetValue<string>());
            var issue = Assert.Single(outcome["issue"]!.AsArray())!;
            Assert.Equal("error", issue["severity"]!.GetValue<string>());
            Assert.Equal(issueCode, issue["code"]!.GetValue<string>());
            return issue["diagnostics"]!.GetValue<string>();
        }
    }
}
