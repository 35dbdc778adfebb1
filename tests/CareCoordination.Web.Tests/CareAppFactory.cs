using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
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

    public string DatabasePath { get; }

    /// <summary>Every event the app logged, through the same Serilog pipeline production uses.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Whether the app migrates and seeds at startup; a class testing an unprepared database turns it off.</summary>
    protected virtual bool PrepareDatabase => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:CareCoordination", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", PrepareDatabase.ToString());
        builder.UseSetting("Database:SeedDemo", PrepareDatabase.ToString());
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    /// <summary>A client that keeps cookies, does not follow redirects (tests assert them), and speaks HTTPS as production does.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    /// <summary>A fresh scope onto the app's own database context, to arrange data or check what a request wrote.</summary>
    public async Task<T> WithDatabase<T>(Func<CareDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CareDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
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
