using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Vocabularies;

/// <summary>ICD-10-CM categories of chronic medical conditions (modelled on AHRQ's Chronic Condition Indicator).</summary>
public sealed class ChronicConditions
{
    public const string Header = "from,to,label";

    private readonly (string From, string To, string Label)[] _ranges;

    public ChronicConditions(IEnumerable<(string From, string To, string Label)> ranges) =>
        _ranges = [.. ranges.OrderBy(r => r.From, StringComparer.Ordinal)];

    public int Count => _ranges.Length;

    public static ChronicConditions Parse(string csv) =>
        new(CsvRows.Parse(csv, Header).Select(f => (f[0].ToUpperInvariant(), f[1].ToUpperInvariant(), f[2])));

    /// <summary>The chronic condition group a code falls in, or null when it is not a chronic medical condition.</summary>
    public string? GroupOf(Icd10CmCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.IsMentalOrBehavioral())
        {
            return null;
        }

        foreach (var (from, to, label) in _ranges)
        {
            if (Icd10Classes.InRange(code, from, to))
            {
                return label;
            }
        }

        return null;
    }
}
