using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareCoordination.Web.Cds;

/// <summary>The trusted EHR that signed the call's bearer JWT (<c>iss</c>, and <c>sub</c> when it sends one).</summary>
public sealed record CdsCaller(string Issuer, string? Subject)
{
    /// <summary>A development call without a token, accepted only under <see cref="CdsOptions.AllowUnsignedRequests"/>.</summary>
    public static CdsCaller UnsignedDevelopmentClient { get; } = new("urn:carecoordination:unsigned-development-client", null);
}

/// <summary>
/// Authenticates a CDS client as the CDS Hooks specification asks: a bearer JWT signed (RS384 or ES384) with a key
/// configured for its issuer, whose <c>aud</c> is the URL called, unexpired (and not valid for longer than
/// <see cref="CdsOptions.MaxTokenLifetimeMinutes"/>), with <c>iat</c> and a <c>jti</c> not seen before. Failures are
/// logged by reason only: never the token or its claims.
/// </summary>
public sealed class CdsClientAuthenticator(
    TrustedCdsClients clients,
    JtiReplayCache replays,
    IOptions<CdsOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<CdsClientAuthenticator> logger)
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller, or null when the request must be refused with 401.</summary>
    public async Task<CdsCaller?> AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var token = BearerToken(request);
        if (token is null)
        {
            return settings.AllowUnsignedRequests && environment.IsDevelopment() ? CdsCaller.UnsignedDevelopmentClient : Reject("missing-token");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Reject("malformed-token");
        }

        if (clients.KeysOf(jwt.Issuer) is not { } keys)
        {
            return Reject("unknown-issuer");
        }

        var skew = TimeSpan.FromSeconds(Math.Max(0, settings.ClockSkewSeconds));
        var result = await _handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            IssuerSigningKeys = keys,
            TryAllIssuerSigningKeys = true,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            ValidAudience = AudienceFor(request, settings),
            RequireAudience = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = skew,
        });
        if (!result.IsValid)
        {
            return Reject(result.Exception?.GetType().Name ?? "invalid-token");
        }

        if (string.IsNullOrWhiteSpace(jwt.Id) || jwt.IssuedAt == DateTime.MinValue)
        {
            return Reject("missing-jti-or-iat");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (jwt.IssuedAt > now + skew)
        {
            return Reject("issued-in-the-future");
        }

        if (jwt.ValidTo > now + TimeSpan.FromMinutes(settings.MaxTokenLifetimeMinutes))
        {
            return Reject("lifetime-too-long");
        }

        return replays.TryRemember(jwt.Issuer, jwt.Id, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + skew)
            ? new CdsCaller(jwt.Issuer, string.IsNullOrEmpty(jwt.Subject) ? null : jwt.Subject)
            : Reject("replayed-jti");
    }

    /// <summary>The endpoint URL the token must be addressed to: the configured public base URL, or the request's own.</summary>
    public static string AudienceFor(HttpRequest request, CdsOptions settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.PublicBaseUrl is { } baseUrl
            ? baseUrl.AbsoluteUri.TrimEnd('/') + request.Path.Value
            : UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length
            ? header[Scheme.Length..].Trim()
            : null;
    }

    private CdsCaller? Reject(string reason)
    {
        logger.LogWarning("CDS Hooks call refused: {Reason}", reason);
        return null;
    }
}
