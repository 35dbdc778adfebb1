using System.Net;
using CareCoordination.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Trust;

/// <summary>
/// The data-protection keys (behind session cookies and antiforgery tokens) are stored in the database; outside
/// Development they are encrypted with the configured certificate, or the app refuses to start unless told otherwise.
/// </summary>
public sealed class DataProtectionKeysAtRest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "carecoordination-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Outside_development_without_a_certificate_the_app_refuses_to_start_naming_the_setting()
    {
        await using var app = new KeyApp(certificate: null);

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Contains("DataProtection:CertificatePath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:AllowUnprotectedKeys", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_explicitly_the_app_starts_with_unencrypted_keys_and_warns()
    {
        await using var app = new KeyApp(certificate: null, allowUnprotectedKeys: true);

        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync("/Account/Login")).StatusCode);

        Assert.True(await app.Logs.WaitFor(line => line.StartsWith("Data-protection keys are stored unencrypted", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_another_node_reads_them()
    {
        var certificate = KeyCertificate.Create(Path.Combine(_directory, "keys.pfx"));
        await using var first = new KeyApp(certificate);
        var cookies = new CookieContainer();
        var login = await first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)).GetStringAsync("/Account/Login");

        var keys = await first.WithDatabase(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        var key = Assert.Single(keys);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);

        // The second node decrypts the stored key with the same certificate: the first node's antiforgery token signs in there.
        await using var second = new KeyApp(certificate, databasePath: first.DatabasePath);
        var onSecond = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var signedIn = await onSecond.PostFormAsync("/Account/Login", login, new() { ["Input.Email"] = Browsing.Pcp, ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Single(await second.WithDatabase(db => db.DataProtectionKeys.ToListAsync()));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The test made no certificate.
        }
    }

    /// <summary>The app in Production with the given certificate (or none), on its own database or on another app's.</summary>
    private sealed class KeyApp(KeyCertificate? certificate, bool allowUnprotectedKeys = false, string? databasePath = null) : CareAppFactory
    {
        protected override KeyCertificate? KeyCertificate => certificate;

        protected override bool PrepareDatabase => databasePath is null && (certificate is not null || allowUnprotectedKeys);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DataProtection:AllowUnprotectedKeys", allowUnprotectedKeys.ToString());
            if (databasePath is not null)
            {
                builder.UseSetting("ConnectionStrings:CareCoordination", $"Data Source={databasePath}");
            }
        }
    }
}
