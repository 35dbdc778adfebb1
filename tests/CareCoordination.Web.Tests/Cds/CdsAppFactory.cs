using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareCoordination.Web.Tests.Cds;

/// <summary>
/// The real app with two trusted CDS clients: one signing RS384 with a PEM-configured key, one signing ES384 with a
/// key configured as a JWK Set. Keys are made fresh for each test class. It also turns on the development-only
/// switch for unsigned calls, which the app (running as Testing) must ignore.
/// </summary>
public class CdsAppFactory : CareAppFactory
{
    public const string RsaIssuer = "https://ehr.example.test/cds-client";
    public const string EcIssuer = "https://other-ehr.example.test/";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public SigningCredentials RsaCredentials => new(new RsaSecurityKey(_rsa) { KeyId = "rsa-1" }, SecurityAlgorithms.RsaSha384);

    public SigningCredentials EcCredentials => new(new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Cds:Clients:0:Issuer", RsaIssuer);
        builder.UseSetting("Cds:Clients:0:PublicKeyPem", _rsa.ExportSubjectPublicKeyInfoPem());
        builder.UseSetting("Cds:Clients:1:Issuer", EcIssuer);
        builder.UseSetting("Cds:Clients:1:Jwks", EcJwks());
        builder.UseSetting("Cds:AllowUnsignedRequests", "true");
    }

    /// <summary>A bearer JWT as a CDS client makes one: iss, sub, aud = the endpoint called, iat, exp (5 minutes), jti.</summary>
    public string Token(string path, SigningCredentials? credentials = null, Action<SecurityTokenDescriptor>? adjust = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = RsaIssuer,
            Audience = "https://localhost" + path,
            IssuedAt = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "ehr-client-1", ["jti"] = Guid.NewGuid().ToString() },
            SigningCredentials = credentials ?? RsaCredentials,
        };
        adjust?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async Task<HttpResponseMessage> PostAsync(string serviceId, string body, string? token = null)
    {
        var path = $"/cds-services/{serviceId}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token(path));
        return await NewClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string serviceId, JsonNode body, string? token = null) =>
        PostAsync(serviceId, body.ToJsonString(), token);

    /// <summary>Posts a call that must succeed and returns its cards.</summary>
    public async Task<JsonArray> CardsAsync(string serviceId, JsonNode body)
    {
        using var response = await PostAsync(serviceId, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["cards"]!.AsArray();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _rsa.Dispose();
            _ec.Dispose();
        }
    }

    private string EcJwks()
    {
        var key = _ec.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "EC", use = "sig", crv = "P-384", kid = "ec-1", alg = "ES384", x = Base64UrlEncoder.Encode(key.Q.X), y = Base64UrlEncoder.Encode(key.Q.Y) },
            },
        });
    }
}
