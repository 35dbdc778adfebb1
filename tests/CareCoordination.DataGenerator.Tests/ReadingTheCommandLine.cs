namespace CareCoordination.DataGenerator.Tests;

public class ReadingTheCommandLine
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Only_the_database_is_required_and_everything_else_has_a_default()
    {
        Assert.True(GeneratorOptions.TryParse(["--database", "bench.db"], Today, out var options, out var problem), problem);
        Assert.Equal(Path.GetFullPath("bench.db"), options!.DatabasePath);
        Assert.Equal(Path.GetFullPath("bench.db") + ".bench.json", options.ManifestPath);
        Assert.Equal((100_000, 42, Today, false), (options.Members, options.Seed, options.AsOf, options.Overwrite));
    }

    [Fact]
    public void Every_option_is_read()
    {
        Assert.True(GeneratorOptions.TryParse(["--members", "10000", "--seed", "-7", "--as-of", "2026-01-31", "--overwrite", "--database", "/tmp/x.db"], Today, out var options, out _));
        Assert.Equal(("/tmp/x.db", 10_000, -7, new DateOnly(2026, 1, 31), true), (options!.DatabasePath, options.Members, options.Seed, options.AsOf, options.Overwrite));
    }

    [Theory]
    [InlineData(new[] { "--members", "100" }, "--database")]
    [InlineData(new[] { "--database", "x.db", "--members", "99" }, "--members 99")]
    [InlineData(new[] { "--database", "x.db", "--members", "ten" }, "--members ten")]
    [InlineData(new[] { "--database", "x.db", "--as-of", "27/11/2026" }, "--as-of 27/11/2026")]
    [InlineData(new[] { "--database", "x.db", "--seed" }, "--seed needs a value")]
    [InlineData(new[] { "--database", "x.db", "--size", "5" }, "--size 5")]
    public void A_mistake_is_named(string[] args, string named)
    {
        Assert.False(GeneratorOptions.TryParse(args, Today, out var options, out var problem));
        Assert.Null(options);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }
}
