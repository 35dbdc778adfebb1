using System.Globalization;
using System.Text.RegularExpressions;
using CareCoordination.Core.Providers;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>What the administration tests do with forms beyond <see cref="Browsing"/>: pick one form of several, make NPIs.</summary>
public static partial class AdminForms
{
    /// <summary>Posts the form whose action names <paramref name="handler"/> on the page at <paramref name="url"/>, with that form's own submission id.</summary>
    public static async Task<HttpResponseMessage> SubmitHandlerFormAsync(this HttpClient client, string url, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(url);
        var form = Regex.Match(page, $"<form[^>]*action=\"([^\"]*handler={handler})\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"The page has no {handler} form.");
        fields ??= [];
        fields["SubmissionId"] = Browsing.HiddenValue(form.Groups[2].Value, "SubmissionId")!;
        return await client.PostFormAsync(form.Groups[1].Value, page, fields);
    }

    /// <summary>A valid NPI from a nine-digit base, its check digit computed as CMS specifies.</summary>
    public static string ValidNpi(int nineDigitBase)
    {
        var nine = nineDigitBase.ToString("D9", CultureInfo.InvariantCulture);
        return nine + Npi.CheckDigitFor(nine);
    }

    /// <summary>The same base with any check digit but the right one.</summary>
    public static string NpiWithWrongCheckDigit(int nineDigitBase)
    {
        var valid = ValidNpi(nineDigitBase);
        return valid[..9] + (char)('0' + ((valid[9] - '0' + 1) % 10));
    }

    /// <summary>The text of the validation message beside a field, or null when the field has none.</summary>
    public static string? MessageFor(string html, string field)
    {
        var match = Regex.Match(html, $"<span(?=[^>]*class=\"field-validation-error\")(?=[^>]*data-valmsg-for=\"{Regex.Escape(field)}\")[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return match.Success ? Browsing.Text(match.Groups[1].Value).Trim() : null;
    }
}
