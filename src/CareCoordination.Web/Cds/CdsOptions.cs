namespace CareCoordination.Web.Cds;

/// <summary>Configuration section <c>Cds</c>: who may call the CDS Hooks services, and how members are matched.</summary>
public sealed class CdsOptions
{
    public const string Section = "Cds";

    /// <summary>The EHRs (CDS clients) trusted to call, each with the public keys its bearer JWTs are signed with.</summary>
    public IList<CdsClientOptions> Clients { get; init; } = [];

    /// <summary>The FHIR Patient.identifier system whose value is the member's plan member id.</summary>
    public string MemberIdentifierSystem { get; set; } = "urn:carecoordination:member-id";

    /// <summary>
    /// The public base URL of this app as the EHR calls it (e.g. <c>https://care.example.org</c>); a JWT's <c>aud</c>
    /// must be this plus the path called. When unset, the URL of the request is used, which trusts the Host header:
    /// set it in production.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Tolerance for clock differences with the EHR when checking a token's <c>exp</c> and <c>iat</c>.</summary>
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>
    /// The longest a token may still be valid for when it arrives. CDS clients mint short-lived tokens (minutes); a
    /// bound keeps a leaked token's usefulness, and the replay cache, small.
    /// </summary>
    public int MaxTokenLifetimeMinutes { get; set; } = 60;

    /// <summary>Development only: accept calls without a bearer token. Never honoured in any other environment.</summary>
    public bool AllowUnsignedRequests { get; set; }
}

/// <summary>One trusted CDS client: its JWT <c>iss</c> and its public key, as a PEM or as a JWK Set (JSON).</summary>
public sealed class CdsClientOptions
{
    public string Issuer { get; set; } = "";

    public string? PublicKeyPem { get; set; }

    public string? Jwks { get; set; }
}
