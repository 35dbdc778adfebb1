using System.Collections.Frozen;

namespace CareCoordination.Core.Vocabularies;

/// <summary>
/// Codes that say a referral goes to behavioral health (SNOMED CT "Referral to psychiatry service" and its kin). The
/// code system is named as the other vocabularies name it (<c>snomed</c>), not by its URI.
/// </summary>
public sealed class BhReferralCodes
{
    public const string Header = "system,code,display";
    public const string FileName = "bh-referral-codes.v1.csv";

    private readonly FrozenDictionary<(string System, string Code), string> _displays;

    private BhReferralCodes(IEnumerable<(string System, string Code, string Display)> rows) =>
        _displays = rows.DistinctBy(r => (r.System, r.Code)).ToFrozenDictionary(r => (r.System, r.Code), r => r.Display);

    public int Count => _displays.Count;

    public static BhReferralCodes Parse(string csv) =>
        new(CsvRows.Parse(csv, Header).Select(f => (f[0].ToLowerInvariant(), f[1], f[2])));

    /// <summary>The display of a BH referral code, or null when the code is not one.</summary>
    public string? DisplayOf(string system, string code)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        return _displays.TryGetValue((system.ToLowerInvariant(), code.Trim()), out var display) ? display : null;
    }

    public bool Contains(string system, string code) => DisplayOf(system, code) is not null;
}
