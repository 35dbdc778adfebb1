using System.Globalization;
using System.Net;

namespace CareCoordination.Web.Tests.Security;

/// <summary>What the app did with a request, in the words of the expectation table.</summary>
public enum Seen
{
    /// <summary>200: the page, or the form back with its errors.</summary>
    Ok,

    /// <summary>A redirect elsewhere than sign-in or access denied: a form accepted, a page moved on.</summary>
    Redirect,

    /// <summary>A redirect to /Account/Login with a ReturnUrl: the app wants to know who you are.</summary>
    SignIn,

    /// <summary>A redirect to /Account/AccessDenied: signed in, but the role may not use the folder.</summary>
    AccessDenied,

    Status,
}

/// <summary>A response reduced to what the tables compare, with words for a failure message.</summary>
public sealed record Answer(Seen Seen, int Status, string? Location)
{
    public static Answer Of(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString();
        if (status is 301 or 302 or 303 or 307 or 308)
        {
            var target = response.Headers.Location!;
            var path = target.IsAbsoluteUri ? target.AbsolutePath : HtmlForm.Split(target.OriginalString).Path;
            var query = target.IsAbsoluteUri ? target.Query : target.OriginalString;
            var seen = path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase) && query.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase) ? Seen.SignIn
                : path.Equals("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? Seen.AccessDenied
                : Seen.Redirect;
            return new Answer(seen, status, location);
        }

        return new Answer(status == (int)HttpStatusCode.OK ? Seen.Ok : Seen.Status, status, location);
    }

    /// <summary>"accepted": a redirect that is not a refusal. A form that comes back (200) or is refused was not accepted.</summary>
    public bool Accepted => Seen == Seen.Redirect;

    public override string ToString() => Seen switch
    {
        Seen.Ok => "200",
        Seen.Redirect => $"{Status} → {Location}",
        Seen.SignIn => "302 → sign-in",
        Seen.AccessDenied => "302 → access denied",
        _ => Status.ToString(CultureInfo.InvariantCulture),
    };
}
