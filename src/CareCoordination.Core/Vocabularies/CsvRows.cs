namespace CareCoordination.Core.Vocabularies;

/// <summary>
/// Reads the shipped vocabulary files: a leading <c>#</c> comment (name, version, sources), a header, then rows of
/// plain comma-separated fields. Fields never hold commas except, where a file says so, its last one.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<string[]> Parse(string text, string expectedHeader, bool lastFieldMayHoldCommas = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        if (lines.Count == 0 || lines[0] != expectedHeader)
        {
            throw new FormatException($"A vocabulary file must start with the header '{expectedHeader}'.");
        }

        var width = expectedHeader.Split(',').Length;
        foreach (var line in lines.Skip(1))
        {
            var fields = lastFieldMayHoldCommas ? line.Split(',', width) : line.Split(',');
            if (fields.Length != width)
            {
                throw new FormatException($"Expected {width} fields in vocabulary row '{line}'.");
            }

            yield return [.. fields.Select(f => f.Trim())];
        }
    }

    public static string[] Values(string field) => field.Length == 0 ? [] : field.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
