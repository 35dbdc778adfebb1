using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CareCoordination.Web.Tests.Trust;

/// <summary>
/// A self-signed certificate exported with its private key to a password-protected .pfx, as an operator would supply
/// one to encrypt the data-protection keys (DataProtection:CertificatePath and DataProtection:CertificatePassword).
/// </summary>
public sealed record KeyCertificate(string Path, string Password)
{
    private static readonly Lazy<KeyCertificate> SharedCertificate = new(() => Create(System.IO.Path.Combine(
        System.IO.Path.GetTempPath(), "carecoordination-tests", $"data-protection-{Environment.ProcessId}.pfx")));

    /// <summary>One per test run, so every app the tests start (and every node of one database) encrypts its keys as production must.</summary>
    public static KeyCertificate Shared => SharedCertificate.Value;

    public static KeyCertificate Create(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CareCoordination data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new KeyCertificate(path, password);
    }
}
