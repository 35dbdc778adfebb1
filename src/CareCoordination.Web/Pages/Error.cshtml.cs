using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages;

/// <summary>What a user sees when something fails: plain words and a reference support can look up in the logs, never the details.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string CorrelationId { get; private set; } = "";

    public bool DatabaseUnavailable { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        CorrelationId = HttpContext.TraceIdentifier;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        DatabaseUnavailable = exception is DbException || exception?.InnerException is DbException;
    }
}
