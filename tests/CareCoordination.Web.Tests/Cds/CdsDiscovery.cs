using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>GET /cds-services tells an EHR which services exist, on which hooks, and what to prefetch for each.</summary>
public class CdsDiscovery(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    [Fact]
    public async Task Discovery_lists_each_service_with_its_hook_and_prefetch_templates()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("/cds-services"));
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray();
        var byId = services.ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!);
        Assert.Equal(["condition-record", "order-sign", "patient-view"], byId.Keys.Order(StringComparer.Ordinal));

        var orderSign = byId["order-sign"];
        Assert.Equal("order-sign", orderSign["hook"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(orderSign["title"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(orderSign["description"]!.GetValue<string>()));
        Assert.Equal("{{context.userId}}", orderSign["prefetch"]!["user"]!.GetValue<string>());
        Assert.Equal("MedicationRequest?patient={{context.patientId}}&status=active", orderSign["prefetch"]!["medications"]!.GetValue<string>());
        Assert.Equal("Condition?patient={{context.patientId}}&clinical-status=active", orderSign["prefetch"]!["conditions"]!.GetValue<string>());

        Assert.Equal("patient-view", byId["patient-view"]["hook"]!.GetValue<string>());
        Assert.Equal("Patient/{{context.patientId}}", byId["patient-view"]["prefetch"]!["patient"]!.GetValue<string>());

        var conditionRecord = byId["condition-record"];
        Assert.Equal("condition-record", conditionRecord["hook"]!.GetValue<string>());
        Assert.Equal(
            ["conditions", "patient", "user"],
            conditionRecord["prefetch"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Discovery_needs_a_token_addressed_to_the_discovery_endpoint()
    {
        var client = app.NewClient();
        using var anonymous = await client.GetAsync("/cds-services");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("/cds-services/order-sign"));
        using var misaddressed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, misaddressed.StatusCode);
    }
}
