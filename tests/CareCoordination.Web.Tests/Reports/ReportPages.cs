using System.Net;
using System.Text.RegularExpressions;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>Reading a report page as a person does: its tables cell by cell, its key numbers by their labels.</summary>
public static partial class ReportPages
{
    public static async Task<string> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The rows of the table with this id (header and footer rows included), each as the text of its cells.</summary>
    public static List<string[]> Table(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no table #{id}.");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. Row().Matches(table).Select(row => Cell().Matches(row.Value).Select(cell => Browsing.Text(cell.Groups[1].Value).Trim()).ToArray())];
    }

    /// <summary>The data rows only: neither the header nor the footer.</summary>
    public static List<string[]> Body(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no table #{id}.");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return [.. Row().Matches(body).Select(row => Cell().Matches(row.Value).Select(cell => Browsing.Text(cell.Groups[1].Value).Trim()).ToArray())];
    }

    public static string[] RowStartingWith(string html, string id, string first) =>
        Table(html, id).SingleOrDefault(r => r.Length > 0 && r[0] == first) ?? throw new Xunit.Sdk.XunitException($"Table #{id} has no row '{first}'.");

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}
