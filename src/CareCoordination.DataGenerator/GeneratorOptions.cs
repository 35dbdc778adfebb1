using System.Globalization;

namespace CareCoordination.DataGenerator;

/// <summary>
/// What to generate: the database file, how many members (everything else scales from it), the seed, and the day the data
/// is "as of" (the last day of history; due dates, open tasks and active releases are counted from it).
/// </summary>
public sealed record GeneratorOptions(string DatabasePath, int Members, int Seed, DateOnly AsOf, bool Overwrite)
{
    public const int DefaultMembers = 100_000;
    public const int DefaultSeed = 42;
    public const int MinimumMembers = 100;
    public const int MaximumMembers = 5_000_000;

    public const string Usage = """
        Usage: dotnet run -c Release --project src/CareCoordination.DataGenerator -- --database <file.db> [options]
          --members <n>          members to generate, 100 to 5,000,000 (default 100000); every other table scales from it
          --seed <n>             the random seed (default 42): the same seed, size and --as-of give the same data
          --as-of <yyyy-MM-dd>   the last day of history (default: today in the plan's time zone)
          --overwrite            replace the database file if it exists
        """;

    public string ManifestPath => DatabasePath + ".bench.json";

    /// <summary>Reads the command line; on a mistake, says which and returns false.</summary>
    public static bool TryParse(IReadOnlyList<string> args, DateOnly today, out GeneratorOptions? options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        (options, problem) = (null, null);
        string? database = null;
        var (members, seed, asOf, overwrite) = (DefaultMembers, DefaultSeed, today, false);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--overwrite")
            {
                overwrite = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            var understood = name switch
            {
                "--database" => (database = value).Length > 0,
                "--members" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out members) && members is >= MinimumMembers and <= MaximumMembers,
                "--seed" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed),
                "--as-of" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf),
                _ => false,
            };
            if (!understood)
            {
                problem = $"Cannot use {name} {value}.";
                return false;
            }
        }

        if (database is null)
        {
            problem = "Say where the database goes: --database <file.db>.";
            return false;
        }

        options = new GeneratorOptions(Path.GetFullPath(database), members, seed, asOf, overwrite);
        return true;
    }
}
