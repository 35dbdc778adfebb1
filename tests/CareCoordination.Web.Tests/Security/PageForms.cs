namespace CareCoordination.Web.Tests.Security;

/// <summary>The form a page shows for one of its POST handlers, as the page rendered it for a visitor.</summary>
public sealed record ShownForm(string PageHtml, HtmlForm Form, string Action)
{
    /// <summary>The hidden fields as rendered (submission id, version...), the minimal body a browser would send.</summary>
    public IEnumerable<FormPart> HiddenParts => Form.Fields.Where(f => f.Kind == FieldKind.Hidden).SelectMany(f => f.Values.Select(v => new FormPart(f.Name, v)));

    /// <summary>Every field as the page filled it in (a checkbox's hidden "false" included), what pressing its button sends.</summary>
    public IEnumerable<FormPart> RenderedParts => Form.Fields.Where(f => f.Kind != FieldKind.File).SelectMany(f => f.Values.Select(v => new FormPart(f.Name, v)));
}

public static class PageForms
{
    /// <summary>Who posts a handler's form in the suites: the first role the table lets use it, anonymous first.</summary>
    public static Role UserOf(TableLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // The privacy office's forms (verifying a release, deciding on an emergency grant) are shown to it alone.
        Role[] order = line.Target.StartsWith("/Privacy", StringComparison.Ordinal) || line.Target.Contains("/Verify", StringComparison.Ordinal)
            ? [Role.Privacy]
            : [Role.Anonymous, Role.Pcp, Role.Bh, Role.CareManager, Role.Admin, Role.Privacy];
        return order.First(r => line.For(r, Ownership.Own).Allows);
    }

    /// <summary>The page a POST target belongs to: the same url without the handler's name.</summary>
    public static string PageOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var (path, query) = HtmlForm.Split(url);
        var kept = HtmlForm.Query(query).Where(p => !p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == 0 ? path : path + "?" + string.Join("&", kept.Select(p => FormBody.Escape(p.Key) + "=" + FormBody.Escape(p.Value)));
    }

    /// <summary>GETs the page of <paramref name="url"/> and finds the form posting to the handler; null when the page or form is not shown.</summary>
    public static async Task<ShownForm?> ShownAsync(HttpClient client, string url, string? handler)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = PageOf(url);
        using var response = await client.GetAsync(page);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            return null;
        }

        var html = await response.Content.ReadAsStringAsync();
        var path = HtmlForm.Split(url).Path;
        foreach (var form in HtmlForms.Parse(html))
        {
            if (form.ActionFor(page, path, handler) is { } action)
            {
                return new ShownForm(html, form, action);
            }
        }

        return null;
    }

    /// <summary>The layout's sign-out form carries a token on every signed-in page; the sign-in form on the anonymous one.</summary>
    public static string AnyToken(string html) => HtmlForms.Parse(html).Select(f => f.Token).FirstOrDefault(t => t is not null)
        ?? throw new InvalidOperationException("The page has no form with an antiforgery token.");
}
