using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// Behind a proxy the app sees another host than the EHR calls; with Cds:PublicBaseUrl set, a token must be addressed
/// to the public URL, whatever Host header the request arrives with.
/// </summary>
public class CdsPublicBaseUrl(CdsPublicBaseUrl.BehindAProxy app) : IClassFixture<CdsPublicBaseUrl.BehindAProxy>
{
    private const string PublicServiceUrl = "https://care.example.org/cds-services/order-sign";

    [Fact]
    public async Task A_token_addressed_to_the_public_url_is_accepted()
    {
        var token = app.Token("/cds-services/order-sign", adjust: t => t.Audience = PublicServiceUrl);
        using var response = await app.PostAsync("order-sign", Order(), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_addressed_to_the_host_the_request_arrived_at_is_refused()
    {
        using var response = await app.PostAsync("order-sign", Order(), app.Token("/cds-services/order-sign"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonObject Order() => CdsFixtures.OrderSign(
        CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-lisinopril.json")), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

    public sealed class BehindAProxy : CdsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cds:PublicBaseUrl", "https://care.example.org/");
        }
    }
}
