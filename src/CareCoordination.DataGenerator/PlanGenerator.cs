using CareCoordination.Core.Vocabularies;
using CareCoordination.DataGenerator.Audit;
using CareCoordination.DataGenerator.Bench;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Consent;
using CareCoordination.DataGenerator.Coordination;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Reporting;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator;

/// <summary>What was written, how long it took and how big the file is.</summary>
public sealed record GenerationReport(string DatabasePath, IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed, long FileBytes, BenchManifest Manifest);

/// <summary>
/// Creates the database with the app's migrations, then generates the plan stage by stage and bulk-inserts each table.
/// The coordination history, by far the largest part, is generated on other threads while the smaller tables are written.
/// </summary>
public sealed class PlanGenerator(GeneratorOptions options, ConsoleProgress progress)
{
    public async Task<GenerationReport> RunAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (size, time, seed) = (new PlanSize(options.Members), new PlanTime(options.AsOf), options.Seed);
        var vocabulary = ClinicalVocabulary.Parse(file => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "Data", file)));
        using (progress.Step("Schema (app migrations)"))
        {
            await Schema.CreateAsync(options.DatabasePath, options.Overwrite, cancellationToken);
        }

        var catalog = new ClinicalCatalog(vocabulary);
        var directory = DirectoryGenerator.Generate(size, seed);
        var accounts = AccountGenerator.Generate(size, directory, seed);
        var members = MemberGenerator.Generate(size, directory, time.AsOf, seed);
        var care = CareGenerator.Generate(size, directory, members, catalog, time, seed);
        var historyGeneration = Task.Run(() => new HistoryGenerator(size, directory, accounts, members, care, catalog, vocabulary, time, seed).Generate(), cancellationToken);

        using var db = BulkDatabase.Open(options.DatabasePath, progress);
        DirectoryGenerator.Write(db, directory);
        AccountGenerator.Write(db, accounts, seed);
        MemberGenerator.Write(db, members);
        CareGenerator.Write(db, care);
        ReleaseGenerator.Write(db, ReleaseGenerator.Generate(size, directory, accounts, members, care, time, seed));
        EmergencyGrants.Write(db, EmergencyGrants.Generate(size, directory, accounts, members, time, seed));
        cancellationToken.ThrowIfCancellationRequested();

        var history = await historyGeneration;
        HistoryGenerator.Write(db, history);
        cancellationToken.ThrowIfCancellationRequested();
        AuditTrailGenerator.Write(db, AuditTrailGenerator.Generate(size, accounts, members, care, time, seed), size.AuditEntries);
        db.Finish();

        var manifest = BenchManifest.Build(options, directory, accounts, members, care, history, catalog, db.RowsWritten);
        await File.WriteAllTextAsync(options.ManifestPath, manifest.ToJson(), cancellationToken);
        return new GenerationReport(options.DatabasePath, db.RowsWritten, progress.Elapsed, new FileInfo(options.DatabasePath).Length, manifest);
    }
}
