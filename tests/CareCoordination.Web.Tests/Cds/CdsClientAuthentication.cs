using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// Only trusted EHRs may call: a bearer JWT signed with the key configured for its issuer, addressed to the endpoint
/// called, unexpired, with a jti never used before. Anything else is 401 with an OperationOutcome.
/// </summary>
public class CdsClientAuthentication(CdsAppFactory app) : IClassFixture<CdsAppFactory>
{
    private const string Path = "/cds-services/order-sign";

    private static JsonObject NonPsychotropicOrder() => CdsFixtures.OrderSign(
        CdsFixtures.Collection(CdsFixtures.Resource("medicationrequest-lisinopril.json")), CdsFixtures.Resource("practitionerrole-psychiatrist.json"));

    [Fact]
    public async Task A_call_signed_rs384_by_a_trusted_client_is_answered()
    {
        using var response = await app.PostAsync("order-sign", NonPsychotropicOrder(), app.Token(Path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_call_signed_es384_with_a_key_from_a_configured_jwks_is_answered()
    {
        var token = app.Token(Path, app.EcCredentials, t => t.Issuer = CdsAppFactory.EcIssuer);
        using var response = await app.PostAsync("order-sign", NonPsychotropicOrder(), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused_even_with_the_development_switch_on_outside_development()
    {
        using var response = await app.NewClient().PostAsync(Path, new StringContent(NonPsychotropicOrder().ToJsonString()));
        await AssertRefused(response);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var stranger = RSA.Create(2048);
        var token = app.Token(Path, new SigningCredentials(new RsaSecurityKey(stranger) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384));
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_signed_by_one_trusted_client_but_claiming_to_be_the_other_is_refused()
    {
        var token = app.Token(Path, app.EcCredentials, t => t.Issuer = CdsAppFactory.RsaIssuer);
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_from_an_unknown_issuer_is_refused()
    {
        var token = app.Token(Path, adjust: t => t.Issuer = "https://unknown-ehr.example.test");
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_addressed_to_another_service_is_refused()
    {
        var token = app.Token("/cds-services/patient-view");
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = app.Token(Path, adjust: t =>
        {
            t.IssuedAt = DateTime.UtcNow.AddMinutes(-15);
            t.Expires = DateTime.UtcNow.AddMinutes(-10);
        });
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_valid_for_hours_is_refused()
    {
        var token = app.Token(Path, adjust: t => t.Expires = DateTime.UtcNow.AddHours(3));
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_without_a_jti_is_refused()
    {
        var token = app.Token(Path, adjust: t => t.Claims.Remove("jti"));
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_with_a_symmetric_signature_is_refused()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(48)) { KeyId = "rsa-1" };
        var token = app.Token(Path, new SigningCredentials(secret, SecurityAlgorithms.HmacSha384));
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task A_token_used_twice_is_refused_the_second_time()
    {
        var token = app.Token(Path);
        using (var first = await app.PostAsync("order-sign", NonPsychotropicOrder(), token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));
    }

    [Fact]
    public async Task Refusals_are_logged_without_the_token()
    {
        var token = app.Token(Path, adjust: t => t.Issuer = "https://unknown-ehr.example.test/logged");
        await AssertRefused(await app.PostAsync("order-sign", NonPsychotropicOrder(), token));

        var logs = string.Join("\n", app.Logs.Rendered);
        Assert.Contains("CDS Hooks call refused", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], logs, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown-ehr.example.test/logged", logs, StringComparison.Ordinal);
    }

    private static async Task AssertRefused(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("OperationOutcome", outcome["resourceType"]!.GetValue<string>());
            Assert.Equal("error", outcome["issue"]![0]!["severity"]!.GetValue<string>());
            Assert.Null(outcome["cards"]);
        }
    }
}
