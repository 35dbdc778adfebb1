using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Tests.Account;

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// One POST handler's form under attack: each field in turn gets every hostile value of its kind while the rest of the form
/// stays as a person left it blank (hidden fields as rendered), so the post is well-formed but incomplete and must be
/// refused. Every answer is checked: no 5xx, no payload echoed unencoded, no header or redirect injected, and a refused
/// post changes nothing but read or refusal audit entries. A post the app accepts after all is followed to the page it
/// leads to, checked there, and the form is loaded afresh.
/// </summary>
public sealed partial class FormAttack(CareAppFactory app, SecurityWorld world, IReadOnlyDictionary<Role, Visitor> visitors, DatabaseWatch watch,
    HostileReport report, AppHandler handler, TableLine line)
{
    private Visitor _visitor = null!;
    private ShownForm _shown = null!;
    private string _action = "";
    private IReadOnlyDictionary<string, string> _rows = new Dictionary<string, string>();
    private long _lastAudit;

    private string Where => $"{_visitor.Role} POST {_action}";

    public async Task RunAsync()
    {
        if (!await LoadAsync())
        {
            report.Fail($"POST {line.Target}", "(form)", "the page shows no form for this handler", "-");
            return;
        }

        await SendAsync("(antiforgery token)", new Hostile("missing token", ""), Blank(), _action, withToken: false);
        var targets = _shown.Form.Fields.Concat(QueryFields()).Where(f => !LaterRow().IsMatch(f.Name)).ToList();
        foreach (var field in targets)
        {
            if (field.Kind == FieldKind.File)
            {
                foreach (var file in HostileValues.Files())
                {
                    await SendAsync(field.Name, new Hostile(file.Label, ""), [.. Blank(), new FormPart(field.Name, "", File: file.Upload)], _action);
                }

                continue;
            }

            foreach (var hostile in HostileValues.For(field.Kind))
            {
                await SendWithAsync(field, [hostile]);
            }

            // The same field twice: which one does the app believe?
            var markup = new Hostile("script tag", HostileValues.Script, Markup: true);
            await SendWithAsync(field, [new Hostile("plausible", field.Plausible), markup], "twice: plausible, then script");
            await SendWithAsync(field, [markup, new Hostile("plausible", field.Plausible)], "twice: script, then plausible");
        }
    }

    /// <summary>Posts the blank form with the field set to the values (a query value goes in the target url).</summary>
    private Task SendWithAsync(FormField field, IReadOnlyList<Hostile> values, string? label = null)
    {
        var hostile = values.Count == 1 ? values[0] : new Hostile(label!, string.Join("", values.Select(v => v.Value)), Markup: values.Any(v => v.Markup));
        if (field.Kind == FieldKind.Query)
        {
            var (path, query) = HtmlForm.Split(_action);
            var kept = HtmlForm.Query(query).Where(p => p.Key != field.Name).Select(p => FormBody.Escape(p.Key) + "=" + FormBody.Escape(p.Value));
            var set = values.Select(v => FormBody.Escape(field.Name) + "=" + (v.Encoded ? v.Value : FormBody.Escape(v.Value)));
            return SendAsync(field.Name, hostile, Blank(), path + "?" + string.Join("&", kept.Concat(set)));
        }

        return SendAsync(field.Name, hostile, [.. Blank().Where(p => p.Name != field.Name), .. values.Select(v => new FormPart(field.Name, v.Value, v.Encoded))], _action);
    }

    private async Task SendAsync(string field, Hostile hostile, List<FormPart> parts, string target, bool withToken = true)
    {
        if (withToken)
        {
            parts.Add(new FormPart(HtmlForms.TokenName, _shown.Form.Token ?? _visitor.Token));
        }

        watch.Changed();
        report.Sent(handler.Key);
        HttpResponseMessage response;
        try
        {
            response = await _visitor.Client.PostAsync(target, FormBody.Create(parts, _shown.Form.Multipart));
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
        {
            report.Fail(Where, field, $"the request failed in the server ({exception.GetType().Name}: {Shorten(exception.Message)})", hostile.Label);
            return;
        }

        using (response)
        {
            var answer = Answer.Of(response);
            var body = await response.Content.ReadAsStringAsync();
            Inspect(field, hostile, response, body);
            if (!withToken && answer.Status != 400)
            {
                report.Fail(Where, field, $"a post without a token was not refused with 400 but answered {answer}", hostile.Label);
            }

            if (watch.Changed())
            {
                CheckWhatChanged(field, hostile, answer);
            }

            if (answer.Accepted)
            {
                await FollowAsync(field, hostile, answer);
            }
        }
    }

    /// <summary>No server error, no payload back unencoded, no header or redirect the payload wrote.</summary>
    private void Inspect(string field, Hostile hostile, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            report.Fail(Where, field, $"{status}", hostile.Label);
        }

        foreach (var marker in HostileValues.UnencodedMarkers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            report.Fail(Where, field, $"the page contains '{marker}' unencoded", hostile.Label);
        }

        if (hostile.Markup && hostile.Value.Length > 0 && body.Contains(hostile.Value, StringComparison.Ordinal))
        {
            report.Fail(Where, field, "the payload came back unencoded", hostile.Label);
        }

        if (response.Headers.Contains("X-Injected") || response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("pwned", StringComparison.OrdinalIgnoreCase)))
        {
            report.Fail(Where, field, "a header was injected", hostile.Label);
        }

        if (response.Headers.Location is { } location && !IsLocal(location))
        {
            report.Fail(Where, field, $"redirected off the site, to {Shorten(location.OriginalString)}", hostile.Label);
        }
    }

    /// <summary>A refused post may add read and refusal audit entries (and use up its submission id), nothing else.</summary>
    private void CheckWhatChanged(string field, Hostile hostile, Answer answer)
    {
        var now = watch.Fingerprint();
        if (!answer.Accepted)
        {
            var changed = DatabaseWatch.Differences(_rows, now);
            if (changed.Count > 0)
            {
                report.Fail(Where, field, $"refused ({answer}) yet changed {string.Join(", ", changed)}", hostile.Label);
            }

            var audited = watch.ChangesAuditedAfter(_lastAudit);
            if (audited.Count > 0)
            {
                report.Fail(Where, field, $"refused ({answer}) yet audited a change ({string.Join(", ", audited.Distinct())})", hostile.Label);
            }
        }

        _rows = now;
        _lastAudit = watch.LastAuditId();
    }

    /// <summary>The app took the post: the value must still show safely where it leads, and an overlong one should never be taken.</summary>
    private async Task FollowAsync(string field, Hostile hostile, Answer answer)
    {
        report.Accepted(Where, field, hostile.Label, answer.Location ?? "");
        if (hostile.Overlong)
        {
            report.Fail(Where, field, $"accepted a {hostile.Value.Length:N0}-character value ({answer})", hostile.Label);
        }

        if (answer.Location is { } location && IsLocal(new Uri(location, UriKind.RelativeOrAbsolute)))
        {
            using var landing = await _visitor.Client.GetAsync(location);
            Inspect(field, hostile, landing, await landing.Content.ReadAsStringAsync());
        }

        if (!await LoadAsync())
        {
            report.Fail(Where, field, "after it was accepted, the form could not be shown again", hostile.Label);
        }
    }

    /// <summary>Finds (or arranges) a page that shows the handler's form, and notes the database as it is now.</summary>
    private async Task<bool> LoadAsync()
    {
        string url;
        (_visitor, url) = await PrepareAsync();
        var shown = await PageForms.ShownAsync(_visitor.Client, url, handler.Name);
        if (shown is null)
        {
            _action = url;
            return false;
        }

        (_shown, _action) = (shown, shown.Action.Length == 0 ? PageForms.PageOf(url) : shown.Action);
        watch.Changed();
        _rows = watch.Fingerprint();
        _lastAudit = watch.LastAuditId();
        return true;
    }

    /// <summary>
    /// Who posts and where. The two-factor pages need an account in the right state, so each load makes a fresh one: half
    /// signed in for the code steps, with a key for Enable, with two-factor on for new recovery codes or turning it off.
    /// </summary>
    private async Task<(Visitor Visitor, string Url)> PrepareAsync()
    {
        if (handler.Path is "/Account/LoginWith2fa" or "/Account/LoginWithRecoveryCode")
        {
            var email = $"code.step.{Guid.NewGuid():N}@demo.test";
            var enrolled = await FreshAccountAsync(email);
            await enrolled.Client.TurnOnTwoFactorAsync();
            var person = Visitors.Browser(app, Role.Anonymous);
            await person.Client.PasswordStepAsync(email);
            return (person, handler.Path);
        }

        if (handler.Path == "/Account/TwoFactor")
        {
            var person = await FreshAccountAsync($"two.factor.{Guid.NewGuid():N}@demo.test");
            if (handler.Name == "Enable")
            {
                Assert.Equal(HttpStatusCode.Redirect, (await person.Client.PressAsync("Start")).StatusCode);
            }
            else if (handler.Name is "RecoveryCodes" or "TurnOff")
            {
                await person.Client.TurnOnTwoFactorAsync();
            }

            return (person, handler.Path);
        }

        var role = PageForms.UserOf(line);
        return (visitors[role], await world.UrlAsync(line.Target, role, Ownership.Own, handler.Name));
    }

    private async Task<Visitor> FreshAccountAsync(string email)
    {
        await Visitors.CreateUserAsync(app, email, CareRoles.CareManager);
        var person = Visitors.Browser(app, Role.CareManager);
        Assert.Equal(HttpStatusCode.Redirect, (await person.Client.SignInAsync(email)).StatusCode);
        person.Token = PageForms.AnyToken(await person.Client.GetStringAsync("/"));
        return person;
    }

    /// <summary>The form as a person leaves it untouched: hidden fields as rendered, the rest blank, checkboxes unticked, no file.</summary>
    private List<FormPart> Blank() =>
    [
        .. _shown.Form.Fields.SelectMany(f => f.Kind switch
        {
            FieldKind.Hidden => f.Values.Select(v => new FormPart(f.Name, v)),
            FieldKind.Checkbox => f.Values.Contains("false") ? [new FormPart(f.Name, "false")] : [],
            FieldKind.File => [],
            _ => [new FormPart(f.Name, "")],
        }),
    ];

    /// <summary>Values the form's target carries in its query (a message id, the content asked for), attacked like fields.</summary>
    private IEnumerable<FormField> QueryFields() => HtmlForm.Query(HtmlForm.Split(_action).Query)
        .Where(p => !p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
        .Select(p => new FormField(p.Key, FieldKind.Query, [p.Value], []));

    private static bool IsLocal(Uri location) => location.IsAbsoluteUri
        ? location.Host == "localhost" && location.OriginalString.IndexOfAny(['\r', '\n']) < 0
        : location.OriginalString.StartsWith('/') && !location.OriginalString.StartsWith("//", StringComparison.Ordinal)
            && !location.OriginalString.StartsWith("/\\", StringComparison.Ordinal) && location.OriginalString.IndexOfAny(['\r', '\n']) < 0;

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "..." : text;

    /// <summary>Rows after the first of a repeated group ("Input.Diagnoses[3].Code") are the same field again: the first stands for all.</summary>
    [GeneratedRegex(@"\[[1-9]\d*\]")]
    private static partial Regex LaterRow();
}
