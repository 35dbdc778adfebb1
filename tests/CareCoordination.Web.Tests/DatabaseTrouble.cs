using System.Net;
using System.Text;
using System.Text.Json;

namespace CareCoordination.Web.Tests;

/// <summary>An empty database with no migrations applied: the app runs, but says it is not ready.</summary>
public sealed class UnmigratedAppFactory : CareAppFactory
{
    public UnmigratedAppFactory() => File.WriteAllBytes(DatabasePath, []);

    protected override bool PrepareDatabase => false;
}

/// <summary>A "database" that is not one: every query fails as it would if the database could not be reached.</summary>
public sealed class UnreachableDatabaseAppFactory : CareAppFactory
{
    public UnreachableDatabaseAppFactory() => File.WriteAllText(DatabasePath, new string('x', 4096), Encoding.ASCII);

    protected override bool PrepareDatabase => false;
}

public class UnmigratedDatabase(UnmigratedAppFactory app) : IClassFixture<UnmigratedAppFactory>
{
    [Fact]
    public async Task Ready_says_migrations_are_missing()
    {
        var response = await app.NewClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Contains("migration(s) have not been applied", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_still_answers() =>
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync("/health/live")).StatusCode);
}

public class UnreachableDatabase(UnreachableDatabaseAppFactory app) : IClassFixture<UnreachableDatabaseAppFactory>
{
    [Fact]
    public async Task Ready_reports_unhealthy()
    {
        var response = await app.NewClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_needs_the_database_shows_a_friendly_error_with_a_reference()
    {
        // Even the sign-in page needs it: the keys that protect its form token are kept in the database.
        var response = await app.NewClient().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("The records database is not reachable", text, StringComparison.Ordinal);
        Assert.Matches(@"Reference:\s+\S+", text);
        Assert.DoesNotContain("SqliteException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", text, StringComparison.Ordinal);
    }
}
