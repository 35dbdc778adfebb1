using System.Collections.Frozen;

namespace CareCoordination.Web.Identity;

/// <summary>The shipped list of common, breached passwords (its source is in CommonPasswords.g.cs), lower case.</summary>
internal static partial class CommonPasswords
{
    private static readonly FrozenSet<string> Entries = Ranked
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToFrozenSet(StringComparer.Ordinal);

    public static int Count => Entries.Count;

    public static bool Contains(string lowerCase) => Entries.Contains(lowerCase);
}
