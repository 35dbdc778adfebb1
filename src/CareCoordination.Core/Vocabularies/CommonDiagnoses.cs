using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Vocabularies;

/// <summary>Commonly used ICD-10-CM codes with their official descriptions: the type-ahead list on diagnosis fields.</summary>
public sealed class CommonDiagnoses
{
    public const string Header = "code,description";

    private readonly Dictionary<string, string> _descriptions;

    private CommonDiagnoses(IReadOnlyList<(Icd10CmCode Code, string Description)> entries)
    {
        Entries = entries;
        _descriptions = entries.ToDictionary(e => e.Code.Value, e => e.Description, StringComparer.Ordinal);
    }

    public IReadOnlyList<(Icd10CmCode Code, string Description)> Entries { get; }

    public static CommonDiagnoses Parse(string csv) => new([.. CsvRows.Parse(csv, Header, lastFieldMayHoldCommas: true)
        .Select(f => (Icd10CmCode.Parse(f[0]), f[1]))]);

    /// <summary>The official description of a listed code, or null for codes outside this list (still valid codes).</summary>
    public string? DescriptionOf(Icd10CmCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _descriptions.GetValueOrDefault(code.Value);
    }
}
