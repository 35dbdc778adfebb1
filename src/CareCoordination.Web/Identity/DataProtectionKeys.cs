using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CareCoordination.Web.Identity;

/// <summary>
/// The keys behind session cookies, antiforgery tokens and two-factor cookies live in the shared database (so every node
/// reads the same ones). Whoever can read that database could forge a session with them, so outside Development they
/// are encrypted with a certificate from configuration, or the app does not start.
/// </summary>
public static partial class DataProtectionKeys
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";
    public const string AllowUnprotectedKeysSetting = "DataProtection:AllowUnprotectedKeys";

    public static IServiceCollection AddCareDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = services.AddDataProtection().SetApplicationName("CareCoordination").PersistKeysToDbContext<Data.CareDbContext>();
        var certificatePath = configuration[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            // Loaded once, with its private key: the same certificate encrypts new keys and decrypts the stored ones.
            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration[CertificatePasswordSetting]));
        }
        else if (configuration.GetValue<bool>(AllowUnprotectedKeysSetting))
        {
            services.AddHostedService<UnprotectedKeysWarning>();
        }
        else if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The data-protection keys would be stored unencrypted: set {CertificatePathSetting} (a .pfx with its private key) and "
                + $"{CertificatePasswordSetting}, or set {AllowUnprotectedKeysSetting}=true to accept unencrypted keys (docs/security.md).");
        }

        return services;
    }

    private sealed partial class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogUnprotected(logger, AllowUnprotectedKeysSetting);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "Data-protection keys are stored unencrypted because {Setting} is true; configure a certificate (docs/security.md)")]
        private static partial void LogUnprotected(ILogger logger, string setting);
    }
}
