using System.Text;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// CSV for spreadsheets (RFC 4180): fields with commas, quotes or line breaks are quoted, and a field starting with
/// = + - @ (or a tab or carriage return) is prefixed with a quote so a spreadsheet shows it as text instead of running it.
/// </summary>
public static class CsvText
{
    public static string Row(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(',', fields.Select(Field));
    }

    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>UTF-8 with a byte-order mark, which spreadsheet programs need to read accented names right.</summary>
    public static byte[] Utf8Document(IEnumerable<string> rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", rows) + "\r\n")];
}
