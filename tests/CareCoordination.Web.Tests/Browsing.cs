using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Web.Infrastructure.Demo;

namespace CareCoordination.Web.Tests;

/// <summary>What a test does with a client that a person does with a browser: sign in, submit forms with their antiforgery token.</summary>
public static partial class Browsing
{
    public const string Pcp = "pcp@demo.test";
    public const string Bh = "bh@demo.test";
    public const string CareManager = "cm@demo.test";
    public const string Admin = "admin@demo.test";
    public const string PrivacyOfficer = "privacy@demo.test";

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoData.Password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        return await client.PostFormAsync("/Account/Login", form, new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    public static async Task<HttpClient> SignedInAs(this CareAppFactory app, string email)
    {
        // Administrators give a second factor after the password.
        var recoveryCode = email == Admin ? await app.RecoveryCodeForAsync(email) : null;
        var client = app.NewClient();
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (recoveryCode is not null)
        {
            Assert.StartsWith("/Account/LoginWith2fa", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            var codeStep = await client.GetStringAsync("/Account/LoginWithRecoveryCode");
            var signedIn = await client.PostFormAsync("/Account/LoginWithRecoveryCode", codeStep, new() { ["Input.Code"] = recoveryCode });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        return client;
    }

    /// <summary>Posts a form the way the page that rendered <paramref name="pageHtml"/> would, antiforgery token included.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string pageHtml, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AntiforgeryToken(pageHtml);
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts the form of the page at <paramref name="url"/> as a person would: its antiforgery token and submission id included.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        foreach (var hidden in new[] { "SubmissionId", "Version" })
        {
            if (HiddenValue(page, hidden) is { } value && !fields.ContainsKey(hidden))
            {
                fields[hidden] = value;
            }
        }

        return await client.PostFormAsync(url, page, fields);
    }

    public static string? HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The page's text as a person reads it: tags dropped, runs of white space made one space.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
