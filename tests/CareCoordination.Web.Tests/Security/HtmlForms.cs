using System.Net;
using System.Text.RegularExpressions;

namespace CareCoordination.Web.Tests.Security;

/// <summary>What a field is, for choosing hostile values: text, number, date, select (and radio), checkbox, file, hidden, or a query value.</summary>
public enum FieldKind
{
    Text,
    Number,
    Date,
    Select,
    Checkbox,
    File,
    Hidden,
    Query,
}

/// <summary>One named field of a form as rendered: its kind, the values the page put in it, and the choices it offers.</summary>
public sealed record FormField(string Name, FieldKind Kind, IReadOnlyList<string> Values, IReadOnlyList<string> Options)
{
    /// <summary>A well-formed value for the field: what the page filled in, else its first real choice, else a plain one of its kind.</summary>
    public string Plausible => Values.FirstOrDefault(v => v.Length > 0) ?? Options.FirstOrDefault(o => o.Length > 0) ?? Kind switch
    {
        FieldKind.Number => "1",
        FieldKind.Date => "2026-01-15",
        FieldKind.Checkbox => "true",
        _ => "plain text",
    };
}

/// <summary>A post form on a page: where it posts (its action, or a button's formaction), whether it is multipart, its token and fields.</summary>
public sealed record HtmlForm(IReadOnlyList<string> Actions, bool Multipart, string? Token, IReadOnlyList<FormField> Fields)
{
    /// <summary>The form's action for a handler of the page at <paramref name="pageUrl"/>, or null when this form does not post there.</summary>
    public string? ActionFor(string pageUrl, string handlerPath, string? handler)
    {
        foreach (var action in Actions.Select(a => a.Length == 0 ? pageUrl : a))
        {
            var (path, query) = Split(action);
            var named = Query(query).FirstOrDefault(p => p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase)).Value;
            if (path.Equals(handlerPath, StringComparison.OrdinalIgnoreCase) && string.Equals(named ?? "", handler ?? "", StringComparison.OrdinalIgnoreCase))
            {
                return action;
            }
        }

        return null;
    }

    public static (string Path, string Query) Split(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? (url, "") : (url[..at], url[(at + 1)..]);
    }

    public static IEnumerable<KeyValuePair<string, string>> Query(string query) => query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(pair => KeyValuePair.Create(Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : ""));
}

/// <summary>Reads the post forms of a rendered page with a few patterns: the app's tag helpers render regular, double-quoted HTML.</summary>
public static partial class HtmlForms
{
    public const string TokenName = "__RequestVerificationToken";

    public static IReadOnlyList<HtmlForm> Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var forms = new List<HtmlForm>();
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            if (!attributes.TryGetValue("method", out var method) || !method.Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = form.Groups[2].Value;
            var actions = new List<string> { attributes.GetValueOrDefault("action", "") };
            actions.AddRange(ButtonPattern().Matches(body).Select(b => Attributes(b.Groups[1].Value).GetValueOrDefault("formaction")).OfType<string>());
            var fields = new Dictionary<string, (FieldKind Kind, List<string> Values, List<string> Options)>();
            string? token = null;

            void Add(string name, FieldKind kind, string? value, IEnumerable<string>? options = null)
            {
                if (!fields.TryGetValue(name, out var field))
                {
                    field = (kind, [], []);
                }

                // A checkbox's hidden "false" companion, or a radio's siblings, do not change what the field is.
                var strongest = field.Kind is FieldKind.Checkbox or FieldKind.Select or FieldKind.File ? field.Kind : kind;
                if (value is not null)
                {
                    field.Values.Add(value);
                }

                field.Options.AddRange(options ?? []);
                fields[name] = (strongest, field.Values, field.Options);
            }

            foreach (Match input in InputPattern().Matches(body))
            {
                var a = Attributes(input.Groups[1].Value);
                if (!a.TryGetValue("name", out var name))
                {
                    continue;
                }

                var type = a.GetValueOrDefault("type", "text").ToLowerInvariant();
                var value = a.GetValueOrDefault("value", "");
                if (name == TokenName)
                {
                    token = value;
                    continue;
                }

                switch (type)
                {
                    case "checkbox":
                        Add(name, FieldKind.Checkbox, a.ContainsKey("checked") ? value : null, [value]);
                        break;
                    case "radio":
                        Add(name, FieldKind.Select, a.ContainsKey("checked") ? value : null, [value]);
                        break;
                    case "hidden":
                        Add(name, FieldKind.Hidden, value);
                        break;
                    case "number":
                        Add(name, FieldKind.Number, value);
                        break;
                    case "date":
                        Add(name, FieldKind.Date, value);
                        break;
                    case "file":
                        Add(name, FieldKind.File, null);
                        break;
                    case "submit" or "button" or "reset" or "image":
                        break;
                    default:
                        Add(name, FieldKind.Text, value);
                        break;
                }
            }

            foreach (Match select in SelectPattern().Matches(body))
            {
                if (Attributes(select.Groups[1].Value).GetValueOrDefault("name") is not { } name)
                {
                    continue;
                }

                var options = OptionPattern().Matches(select.Groups[2].Value)
                    .Select(o => (Attributes: Attributes(o.Groups[1].Value), Text: WebUtility.HtmlDecode(o.Groups[2].Value.Trim()))).ToList();
                var values = options.Select(o => o.Attributes.GetValueOrDefault("value") ?? o.Text).ToList();
                Add(name, FieldKind.Select, options.Where(o => o.Attributes.ContainsKey("selected")).Select(o => o.Attributes.GetValueOrDefault("value") ?? o.Text).FirstOrDefault(), values);
            }

            foreach (Match textarea in TextareaPattern().Matches(body))
            {
                if (Attributes(textarea.Groups[1].Value).GetValueOrDefault("name") is { } name)
                {
                    Add(name, FieldKind.Text, WebUtility.HtmlDecode(textarea.Groups[2].Value.TrimStart('\r', '\n')));
                }
            }

            forms.Add(new HtmlForm(actions, attributes.GetValueOrDefault("enctype", "").Contains("multipart", StringComparison.OrdinalIgnoreCase), token,
                [.. fields.Select(f => new FormField(f.Key, f.Value.Kind, f.Value.Values, f.Value.Options))]));
        }

        return forms;
    }

    /// <summary>Attribute names (lower case) and decoded values; a bare attribute (checked, selected) maps to its own name.</summary>
    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(text))
        {
            attributes.TryAdd(attribute.Groups[1].Value, attribute.Groups[2].Success ? WebUtility.HtmlDecode(attribute.Groups[2].Value) : attribute.Groups[1].Value);
        }

        return attributes;
    }

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b([^>]*?)/?>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"<button\b([^>]*)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ButtonPattern();

    [GeneratedRegex(@"<select\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex(@"<option\b([^>]*)>(.*?)</option>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"<textarea\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex(@"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*""([^""]*)"")?")]
    private static partial Regex AttributePattern();
}
