using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CareCoordination.Web.Cds;

/// <summary>
/// The configured CDS clients and their public keys, read once at startup. Keys come only from configuration: a
/// token's <c>jku</c> header is never fetched, so a caller cannot point us at keys of its choosing.
/// </summary>
public sealed class TrustedCdsClients
{
    private readonly FrozenDictionary<string, IReadOnlyList<SecurityKey>> _keysByIssuer;

    public TrustedCdsClients(IEnumerable<CdsClientOptions> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var keys = new Dictionary<string, IReadOnlyList<SecurityKey>>(StringComparer.Ordinal);
        var index = 0;
        foreach (var client in clients)
        {
            var where = $"{CdsOptions.Section}:Clients:{index++}";
            if (string.IsNullOrWhiteSpace(client.Issuer))
            {
                throw new InvalidOperationException($"{where}:Issuer is required.");
            }

            if (!keys.TryAdd(client.Issuer, KeysOf(client, where)))
            {
                throw new InvalidOperationException($"{where}:Issuer is configured twice.");
            }
        }

        _keysByIssuer = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _keysByIssuer.Count;

    /// <summary>The keys a trusted issuer signs with; null for an issuer we do not trust.</summary>
    public IReadOnlyList<SecurityKey>? KeysOf(string? issuer) =>
        issuer is not null && _keysByIssuer.TryGetValue(issuer, out var keys) ? keys : null;

    private static List<SecurityKey> KeysOf(CdsClientOptions client, string where)
    {
        var keys = new List<SecurityKey>();
        if (!string.IsNullOrWhiteSpace(client.PublicKeyPem))
        {
            keys.Add(FromPem(client.PublicKeyPem, where));
        }

        if (!string.IsNullOrWhiteSpace(client.Jwks))
        {
            keys.AddRange(FromJwks(client.Jwks, where));
        }

        return keys.Count > 0
            ? keys
            : throw new InvalidOperationException($"{where} needs a PublicKeyPem or a Jwks.");
    }

    /// <summary>A SubjectPublicKeyInfo PEM ("BEGIN PUBLIC KEY"), RSA or EC.</summary>
    private static SecurityKey FromPem(string pem, string where)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            ec.Dispose();
            throw new InvalidOperationException($"{where}:PublicKeyPem is not an RSA or EC public key in PEM form.", e);
        }
    }

    private static IEnumerable<SecurityKey> FromJwks(string json, string where)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{where}:Jwks is not a JSON Web Key Set.", e);
        }

        // CDS Hooks forbids symmetric (shared-secret) signatures; only RSA and EC public keys are trusted.
        if (set.Keys.Count == 0 || set.Keys.Any(k => k.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve) || k.HasPrivateKey))
        {
            throw new InvalidOperationException($"{where}:Jwks must hold RSA or EC public keys only.");
        }

        return set.Keys;
    }
}
