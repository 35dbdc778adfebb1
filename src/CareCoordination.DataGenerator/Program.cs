using System.Globalization;
using CareCoordination.DataGenerator.Reporting;

namespace CareCoordination.DataGenerator;

/// <summary>
/// dotnet run -c Release --project src/CareCoordination.DataGenerator -- --database bench.db --members 100000 --seed 42
/// (a class of its own rather than top-level statements, whose Program would clash with the web app's in the tests).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(PlanTime.ZoneId)).DateTime);
        if (!GeneratorOptions.TryParse(args, today, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(GeneratorOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {options!.Members:N0} members (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}) into {options.DatabasePath}"));
        var report = await new PlanGenerator(options, new ConsoleProgress(Console.Out, redraw: !Console.IsOutputRedirected)).RunAsync(cancel.Token);

        Console.WriteLine();
        foreach (var (table, rows) in report.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table,-30} {rows,13:N0}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"Total",-30} {report.Rows.Values.Sum(),13:N0} rows in {report.Elapsed:h\\:mm\\:ss}; {report.FileBytes / 1024.0 / 1024.0:N0} MiB"));
        Console.WriteLine($"Benchmark manifest: {options.ManifestPath}");
        return 0;
    }
}
