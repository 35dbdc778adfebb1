using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// Cds:AllowUnsignedRequests lets a developer call the services without a token, in Development only (elsewhere it
/// is ignored: see <see cref="CdsClientAuthentication"/>). A token that is sent is still checked.
/// </summary>
public class CdsDevelopmentSwitch(CdsDevelopmentSwitch.DevelopmentApp app) : IClassFixture<CdsDevelopmentSwitch.DevelopmentApp>
{
    [Fact]
    public async Task In_development_with_the_switch_on_an_unsigned_call_is_answered()
    {
        var call = CdsFixtures.OrderSign(
            CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-sertraline-50mg.json")), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

        using var response = await app.NewClient().PostAsync("/cds-services/order-sign", new StringContent(call.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"code\":\"T1\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_a_token_that_is_sent_is_still_validated()
    {
        var call = CdsFixtures.OrderSign(
            CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-lisinopril.json")), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/order-sign") { Content = new StringContent(call.ToJsonString()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-jwt");
        using var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The app in the Development environment (which also validates the service registrations) with the switch on.</summary>
    public sealed class DevelopmentApp : CareAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Cds:AllowUnsignedRequests", "true");
        }
    }
}
