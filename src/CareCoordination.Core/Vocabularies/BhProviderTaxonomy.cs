using System.Collections.Frozen;

namespace CareCoordination.Core.Vocabularies;

/// <summary>
/// The NUCC Health Care Provider Taxonomy codes of behavioral health practitioners, so that a clinician known only by
/// the taxonomy an EHR sends (a PractitionerRole specialty, a qualification) can be recognised as one. A row matches
/// one code exactly, or every code starting with it (<c>103T</c> is every psychologist).
/// </summary>
public sealed class BhProviderTaxonomy
{
    public const string Header = "code,match,label";
    public const string FileName = "bh-provider-taxonomy.v1.csv";

    private readonly FrozenDictionary<string, string> _exact;
    private readonly (string Prefix, string Label)[] _prefixes;

    private BhProviderTaxonomy(IReadOnlyList<(string Code, bool IsPrefix, string Label)> rows)
    {
        Count = rows.Count;
        _exact = rows.Where(r => !r.IsPrefix).ToFrozenDictionary(r => r.Code, r => r.Label, StringComparer.Ordinal);
        // Longest prefix first, so the most specific label wins.
        _prefixes = [.. rows.Where(r => r.IsPrefix).OrderByDescending(r => r.Code.Length).Select(r => (r.Code, r.Label))];
    }

    public int Count { get; }

    public static BhProviderTaxonomy Parse(string csv) => new([.. CsvRows.Parse(csv, Header).Select(f =>
        (Normalized(f[0]), IsPrefix(f[1]), f[2]))]);

    /// <summary>The practitioner type a BH taxonomy code stands for, or null when the code is not a BH practitioner's.</summary>
    public string? LabelOf(string? taxonomyCode)
    {
        if (string.IsNullOrWhiteSpace(taxonomyCode))
        {
            return null;
        }

        var code = Normalized(taxonomyCode);
        if (_exact.TryGetValue(code, out var label))
        {
            return label;
        }

        foreach (var (prefix, prefixLabel) in _prefixes)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefixLabel;
            }
        }

        return null;
    }

    public bool IsBehavioralHealth(string? taxonomyCode) => LabelOf(taxonomyCode) is not null;

    private static string Normalized(string code) => code.Trim().ToUpperInvariant();

    private static bool IsPrefix(string match) => match.ToLowerInvariant() switch
    {
        "prefix" => true,
        "exact" => false,
        _ => throw new FormatException($"A taxonomy row matches 'prefix' or 'exact', not '{match}'."),
    };
}
