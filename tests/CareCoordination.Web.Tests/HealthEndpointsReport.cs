using System.Net;
using System.Text.Json;

namespace CareCoordination.Web.Tests;

public class HealthEndpointsReport(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task Live_answers_anonymously_in_json()
    {
        var response = await app.NewClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_a_reachable_migrated_database()
    {
        var response = await app.NewClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
