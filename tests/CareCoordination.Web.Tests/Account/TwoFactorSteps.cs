using System.Net;
using System.Text.RegularExpressions;

namespace CareCoordination.Web.Tests.Account;

/// <summary>What a person does on the two-factor pages, with codes computed as their authenticator app would.</summary>
public static partial class TwoFactorSteps
{
    public const string Page = "/Account/TwoFactor";

    /// <summary>Presses a button of the two-factor page: the page must offer it, and its form's submission id goes with it.</summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient client, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(Page);
        Assert.Contains($"handler={handler}\"", page, StringComparison.Ordinal);
        fields ??= [];
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;
        return await client.PostFormAsync($"{Page}?handler={handler}", page, fields);
    }

    /// <summary>Sets up and turns on two-factor sign-in for the signed-in client; the key and the recovery codes shown once.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnTwoFactorAsync(this HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await client.PressAsync("Start")).StatusCode);
        var key = SharedKeyOn(await client.GetStringAsync(Page));
        var enabled = await client.PressAsync("Enable", new() { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        return (key, RecoveryCodesOn(await client.GetStringAsync(Page)));
    }

    /// <summary>The password step, which must hand over to the code step, then the code.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(this HttpClient client, string email, string code)
    {
        var codeStep = await client.PasswordStepAsync(email);
        return await client.SubmitFormAsync(codeStep, new() { ["Input.Code"] = code });
    }

    /// <summary>Signs in with the password of an account that has two-factor on; where the code is asked for.</summary>
    public static async Task<string> PasswordStepAsync(this HttpClient client, string email)
    {
        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/Account/LoginWith2fa", location, StringComparison.Ordinal);
        return location;
    }

    /// <summary>The shared key as the page shows it (groups of four), without the spaces.</summary>
    public static string SharedKeyOn(string html)
    {
        var match = SharedKey().Match(html);
        Assert.True(match.Success, "The page shows no shared key.");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> RecoveryCodesOn(string html)
    {
        var list = RecoveryCodeList().Match(html);
        return list.Success ? [.. ListItem().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value.Trim())] : [];
    }

    [GeneratedRegex("aria-label=\"Shared key\"><kbd>([A-Z2-7 ]+)</kbd>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("aria-label=\"Recovery codes\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex RecoveryCodeList();

    [GeneratedRegex("<li[^>]*>([^<]+)</li>")]
    private static partial Regex ListItem();
}
