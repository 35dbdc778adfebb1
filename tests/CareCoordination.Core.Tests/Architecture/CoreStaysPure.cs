using System.Reflection;
using System.Text.RegularExpressions;
using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Tests.Architecture;

/// <summary>The domain holds no framework, no I/O and no clock; these checks fail the build the day it does.</summary>
public partial class CoreStaysPure
{
    private static readonly Assembly Core = typeof(Npi).Assembly;

    [Fact]
    public void Core_references_only_the_base_class_library()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var outsiders = references.Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib")).ToList();
        Assert.Empty(outsiders);
        Assert.DoesNotContain(references, name => name.StartsWith("System.IO", StringComparison.Ordinal) || name.StartsWith("System.Net", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_source_never_reads_the_clock_or_touches_files()
    {
        var sourceRoot = Path.Combine(RepositoryRoot(), "src", "CareCoordination.Core");
        var offenders = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.path)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareCoordination.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CareCoordination.sln not found above the test output.");
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider\.System|\bFile\.|\bDirectory\.|\bConsole\.|HttpClient|Environment\.", RegexOptions.CultureInvariant)]
    private static partial Regex Forbidden();
}
