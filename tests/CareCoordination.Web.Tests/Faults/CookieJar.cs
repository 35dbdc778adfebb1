using System.Collections.Concurrent;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>
/// Keeps the cookies a server sets and sends them all back. Production marks the session cookie Secure, and .NET's
/// CookieContainer, like a browser, never sends a Secure cookie over plain http; the crash test talks plain http to a
/// loopback port, so it keeps its cookies itself rather than weaken the app's cookie policy or leave Production.
/// </summary>
public sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0];
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)].Trim(), pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.TryRemove(name, out _);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        return response;
    }
}
