using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Security;

/// <summary>One way into the app: a page handler (GET, POST, or a named POST such as ?handler=Claim) or a minimal API endpoint.</summary>
public sealed record AppHandler(string Method, string Path, string? Name, bool IsPage)
{
    /// <summary>"POST /Queue/{taskId}?handler=Claim": how the expectation tables name a handler.</summary>
    public string Key => Name is null ? $"{Method} {Path}" : $"{Method} {Path}?handler={Name}";

    public bool IsPost => Method == "POST";

    /// <summary>
    /// 0, or the later a suite must run it: a new security stamp (signing out, a new authenticator key) ends every session of
    /// the user, so these go after everything else, signing out last of all.
    /// </summary>
    public int SessionEndingOrder => Key == "POST /Account/Logout" ? 2 : IsPost && Path == "/Account/TwoFactor" ? 1 : 0;

    public override string ToString() => Key;
}

/// <summary>
/// Every handler the running app serves, read from its own routing (<see cref="EndpointDataSource"/>) and, for Razor Pages,
/// from the compiled page model's handler methods: a page or handler added tomorrow shows up here without anyone listing it.
/// </summary>
public static partial class AppHandlers
{
    public static async Task<IReadOnlyList<AppHandler>> AllAsync(CareAppFactory app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<AppHandler>();

        // A page reachable by two routes (Admin/Index and Admin) is one page: keep its shortest route.
        var pages = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .Select(g => g.OrderBy(e => Normalize(e.RoutePattern.RawText).Length).First());
        foreach (var endpoint in pages)
        {
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var path = Normalize(endpoint.RoutePattern.RawText);
            found.AddRange(compiled.HandlerMethods.Select(h => new AppHandler(h.HttpMethod.ToUpperInvariant(), path, h.Name, IsPage: true)));
        }

        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
        {
            // Health checks answer any method; GET is how they are called.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            found.AddRange(methods.Select(m => new AppHandler(m.ToUpperInvariant(), Normalize(endpoint.RoutePattern.RawText), null, IsPage: false)));
        }

        return [.. found.DistinctBy(h => h.Key).OrderBy(h => h.Path, StringComparer.Ordinal).ThenBy(h => h.Method, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal)];
    }

    /// <summary>"Members/{memberId:int}/Releases" → "/Members/{memberId}/Releases": constraints dropped, one leading slash, no trailing one.</summary>
    public static string Normalize(string? routeTemplate)
    {
        var path = "/" + Constraint().Replace(routeTemplate ?? "", "{$1}").Trim('/');
        return path;
    }

    /// <summary>The placeholders of a request target, path and query: "{memberId}", "{messageId}".</summary>
    public static IReadOnlyList<string> Placeholders(string target) => [.. Placeholder().Matches(target).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
