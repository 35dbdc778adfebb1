namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// A request whose client went away mid-way (a closed tab, a load tester stopping) is not a failure of the app: its work
/// is cancelled and rolled back as usual, and it is answered and logged as 499 (client closed request) instead of a 500
/// error that monitoring would page someone about.
/// </summary>
public static class AbandonedRequests
{
    public static IApplicationBuilder UseAbandonedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    });
}
