namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// A request the app refuses as malformed (a form posted without its submission id) is the sender's fault, not a
/// failure of the app: it is answered with the refusal's status (the status page says why) and logged once, as a
/// warning without a stack trace, instead of passing as an exception through the request log and the error handler,
/// which would each log it as a 500-level error.
/// </summary>
public static partial class RefusedRequests
{
    public static IApplicationBuilder UseRefusedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException refused) when (!context.Response.HasStarted)
        {
            // Its message says what was wrong with the request's shape (a missing field, a body too large), never what it carried.
            LogRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RefusedRequests)), refused.StatusCode, refused.Message);
            context.Response.Clear();
            context.Response.StatusCode = refused.StatusCode;
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string reason);
}
