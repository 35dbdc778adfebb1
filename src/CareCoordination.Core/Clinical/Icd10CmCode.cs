using System.Text.RegularExpressions;

namespace CareCoordination.Core.Clinical;

/// <summary>An ICD-10-CM code in its dotted form, e.g. "F32.1". Validates shape only, not membership of the code set.</summary>
public sealed partial record Icd10CmCode
{
    private Icd10CmCode(string value)
    {
        Value = value;
        Category = value[..3];
    }

    public string Value { get; }

    /// <summary>The three-character category, e.g. "F32". Kept, not recomputed: rules compare it against many ranges.</summary>
    public string Category { get; }

    public static bool TryParse(string? text, out Icd10CmCode? code)
    {
        code = null;
        var trimmed = text?.Trim();
        var dot = trimmed?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (trimmed is null || (dot >= 0 && (dot != 3 || trimmed.LastIndexOf('.') != dot || dot == trimmed.Length - 1)))
        {
            return false; // a dot, when written, sits after the three-character category
        }

        var compact = trimmed.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!Shape().IsMatch(compact))
        {
            return false;
        }

        code = new Icd10CmCode(compact.Length > 3 ? $"{compact[..3]}.{compact[3..]}" : compact);
        return true;
    }

    public static Icd10CmCode Parse(string text) =>
        TryParse(text, out var code) ? code! : throw new FormatException("An ICD-10-CM code is a letter, two characters, then up to four more (e.g. F32.1).");

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
