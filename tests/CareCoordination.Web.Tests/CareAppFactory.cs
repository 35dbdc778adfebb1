using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace CareCoordination.Web.Tests;

/// <summary>
/// The real app on a real SQLite file of its own (one per test class), migrated and seeded with the demo plan at
/// startup exactly as in development. The file is deleted when the class is done.
/// </summary>
public class CareAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "carecoordination-tests", Guid.NewGuid().ToString("N"));

    public CareAppFactory()
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "care.db");
    }

    private readonly SemaphoreSlim _recoveryCodesReady = new(1, 1);
    private readonly Dictionary<string, Queue<string>> _recoveryCodes = new(StringComparer.OrdinalIgnoreCase);

    public string DatabasePath { get; }

    /// <summary>Every event the app logged, through the same Serilog pipeline production uses.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Whether the app migrates and seeds at startup; a class testing an unprepared database turns it off.</summary>
    protected virtual bool PrepareDatabase => true;

    /// <summary>What encrypts the data-protection keys: outside Development the app refuses to start without it.</summary>
    protected virtual Trust.KeyCertificate? KeyCertificate => Trust.KeyCertificate.Shared;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:CareCoordination", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        // Tests read counts right after changing tasks; QueueCountsSnapshot covers counts that are kept a while.
        builder.UseSetting("Queue:CountsFreshForSeconds", "0");
        builder.UseSetting("Database:MigrateOnStartup", PrepareDatabase.ToString());
        builder.UseSetting("Database:SeedDemo", PrepareDatabase.ToString());
        builder.UseSetting("DataProtection:CertificatePath", KeyCertificate?.Path ?? "");
        builder.UseSetting("DataProtection:CertificatePassword", KeyCertificate?.Password ?? "");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<IStartupFilter, TestClientAddresses>();
        });
    }

    private int _clients;

    /// <summary>A client that keeps cookies, does not follow redirects (tests assert them), and speaks HTTPS as production does.</summary>
    /// Each client comes from an address of its own, as each browser would, so one test's failed sign-ins do not slow
    /// another's (see <see cref="TestClientAddresses"/>).
    public HttpClient NewClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        var n = Interlocked.Increment(ref _clients);
        client.DefaultRequestHeaders.Add(TestClientAddresses.Header, $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
        return client;
    }

    /// <summary>
    /// Production asks administrators for a second factor. The demo administrator gets it on first use: two-factor on, with
    /// enough recovery codes (each good once) for every sign-in a test class makes, so each one goes through the real code step.
    /// </summary>
    public async Task<string> RecoveryCodeForAsync(string email)
    {
        await _recoveryCodesReady.WaitAsync();
        try
        {
            if (!_recoveryCodes.TryGetValue(email, out var codes))
            {
                await using var scope = Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
                var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
                codes = new Queue<string>(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 200) ?? []);
                _recoveryCodes[email] = codes;
            }

            return codes.Dequeue();
        }
        finally
        {
            _recoveryCodesReady.Release();
        }
    }

    /// <summary>A fresh scope onto the app's own database context, to arrange data or check what a request wrote.</summary>
    public async Task<T> WithDatabase<T>(Func<CareDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CareDbContext>());
    }

    /// <summary>
    /// Before the app goes, checks everything it logged while the test class ran against the PHI in its database: member
    /// names, plan member IDs, dates of birth, phone numbers, diagnosis descriptions, event summaries and notes. Any hit
    /// fails the run, so every integration test is also a PHI-in-logs test.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        if (PrepareDatabase)
        {
            var leaks = await LeakedPhiAsync();
            await base.DisposeAsync();
            Assert.True(leaks.Count == 0, "PHI reached the logs: " + string.Join(" | ", leaks));
            return;
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<List<string>> LeakedPhiAsync()
    {
        var phi = await WithDatabase(async db =>
        {
            var members = await db.Members.Select(m => new { m.GivenName, m.FamilyName, m.PlanMemberId, m.DateOfBirth, m.Phone }).ToListAsync();
            var conditions = await db.Conditions.Select(c => c.Description).Distinct().ToListAsync();
            var summaries = await db.CoordinationEvents.Select(e => e.Summary).Distinct().ToListAsync();
            var notes = await db.ProtectedNotes.Select(n => n.Text).ToListAsync();
            return members.SelectMany(m => new[] { $"{m.GivenName} {m.FamilyName}", m.PlanMemberId, m.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.Phone ?? "" })
                .Concat(conditions).Concat(summaries).Concat(notes)
                .Where(value => value.Length >= 6)
                .ToHashSet(StringComparer.Ordinal);
        });
        var logs = string.Join("\n", Logs.Rendered);
        return [.. phi.Where(value => logs.Contains(value, StringComparison.OrdinalIgnoreCase))];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _recoveryCodesReady.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; never fail a test run over cleanup.
            }
        }
    }
}

/// <summary>
/// The test server has no network connection, so no client address; this stands in for one, from a header only tests
/// send. The sign-in throttle counts failures per address.
/// </summary>
public sealed class TestClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((HttpContext context, RequestDelegate nextStep) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextStep(context);
        });
        next(app);
    };
}
