using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>
/// Turns back a post bigger than the page accepts before anything reads it: otherwise the antiforgery check fails to read
/// the form and the person sees a bare "bad request". They are sent back to the form, which says why.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TurnBackOversizeUploadsAttribute(long limit) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string TempDataKey = "UploadTooLarge";

    public long Limit => limit;

    // Before the antiforgery filter, which is the first to read the body.
    public int Order => int.MinValue;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!(http.Request.ContentLength > limit))
        {
            return;
        }

        // Short-circuiting here skips the filter that saves TempData, so save it now.
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData[TempDataKey] = true;
        tempData.Save();
        // Back to the same page by its route, never to a path taken from the request.
        context.Result = new RedirectToPageResult(pageName: null);
    }
}
