using System.Text.RegularExpressions;

namespace CareCoordination.Web.Tests.Releases;

/// <summary>
/// Psychotherapy notes and Part 2 records leave through one code path, which asks the consent gate first. This fails the
/// build the day another page, service or view reaches for them directly.
/// </summary>
public partial class OnlyTheConsentPathReadsProtectedNotes
{
    private static readonly string[] Allowed =
    [
        Path.Combine("Consent", "ProtectedContentRelease.cs"),
        // Writes the demo's notes; reads none.
        Path.Combine("Infrastructure", "Demo", "DemoData.cs"),
    ];

    [Fact]
    public void No_web_source_but_the_consent_path_touches_the_protected_notes()
    {
        var webRoot = Path.Combine(RepositoryRoot(), "src", "CareCoordination.Web");
        var sources = Directory.EnumerateFiles(webRoot, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(webRoot, path))
            .Where(path => !IsUnder(path, "bin") && !IsUnder(path, "obj"))
            .ToList();
        var touching = sources.Where(path => ProtectedNotesAccess().IsMatch(File.ReadAllText(Path.Combine(webRoot, path)))).ToList();

        // The scan must see the real tree, or an empty result would prove nothing.
        Assert.Contains(Allowed[0], touching);
        Assert.Contains(Path.Combine("Data", "CareDbContext.cs"), touching);
        var outsiders = touching.Where(path => !Allowed.Contains(path) && !IsUnder(path, "Data")).ToList();
        Assert.Empty(outsiders);
    }

    [Theory]
    [InlineData("var notes = db.ProtectedNotes.ToList();", true)]
    [InlineData("var notes = await db.Set<ProtectedNote>().ToListAsync();", true)]
    [InlineData("db.Set<CareCoordination.Core.Consent.ProtectedNote>()", true)]
    [InlineData("@inject CareDbContext Db @foreach (var n in Db.ProtectedNotes) { }", true)]
    [InlineData("RedisclosureNotices.PsychotherapyNotes", false)]
    [InlineData("ProtectedNote note = shown.Notes[0];", false)]
    public void The_check_recognises_each_way_in(string source, bool touches) => Assert.Equal(touches, ProtectedNotesAccess().IsMatch(source));

    private static bool IsUnder(string relativePath, string folder) => relativePath.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareCoordination.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CareCoordination.sln not found above the test output.");
    }

    /// <summary>The DbSet by name, or the entity's set by type.</summary>
    [GeneratedRegex(@"\bProtectedNotes\b|\bSet\s*<\s*(?:[\w.]+\.)?ProtectedNote\s*>", RegexOptions.CultureInvariant)]
    private static partial Regex ProtectedNotesAccess();
}
