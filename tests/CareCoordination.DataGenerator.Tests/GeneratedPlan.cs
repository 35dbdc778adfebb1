using CareCoordination.DataGenerator.Reporting;
using CareCoordination.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.DataGenerator.Tests;

/// <summary>
/// A small plan (300 members, seed 42, as of today in the plan's time zone) generated once for every test in the
/// collection, and a copy of it for the running app to write to, so that the app's own writes (audit entries, keys)
/// never change what the other tests count.
/// </summary>
public sealed class GeneratedPlan : IAsyncLifetime
{
    public const int Members = 300;
    public const int Seed = 42;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "carecoordination-generator-tests", Guid.NewGuid().ToString("N"));
    private GeneratedApp? _app;

    public string DatabasePath => Path.Combine(_directory, "plan.db");

    public string AppDatabasePath => Path.Combine(_directory, "app.db");

    public GenerationReport Report { get; private set; } = null!;

    /// <summary>The app, started on its copy of the plan the first time a test asks.</summary>
    public GeneratedApp App => _app ??= new GeneratedApp(AppDatabasePath);

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(PlanTime.ZoneId)).DateTime);

    public async Task InitializeAsync()
    {
        Report = await GenerateAsync(DatabasePath, Seed, Today);
        File.Copy(DatabasePath, AppDatabasePath);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public static Task<GenerationReport> GenerateAsync(string path, int seed, DateOnly asOf) =>
        new PlanGenerator(new GeneratorOptions(path, Members, seed, asOf, Overwrite: false), new ConsoleProgress(TextWriter.Null, redraw: false)).RunAsync();

    /// <summary>The app's own context on the generated file.</summary>
    public SqliteCareDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteCareDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options);

    public SqliteConnection Connection()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedPlanCollection : ICollectionFixture<GeneratedPlan>
{
    public const string Name = "A generated plan";
}
