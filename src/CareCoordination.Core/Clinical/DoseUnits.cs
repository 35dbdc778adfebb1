namespace CareCoordination.Core.Clinical;

/// <summary>The units a dose may be written in. One short list keeps daily doses comparable across orders.</summary>
public static class DoseUnits
{
    public static IReadOnlyList<string> All { get; } = ["mg", "mcg", "g", "mL", "mEq", "unit", "puff"];

    /// <summary>Whether <paramref name="unit"/> is one of <see cref="All"/>, exactly as written there.</summary>
    public static bool IsKnown(string? unit) => unit is not null && All.Contains(unit, StringComparer.Ordinal);
}
