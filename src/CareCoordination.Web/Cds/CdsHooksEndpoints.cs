using System.Diagnostics;

namespace CareCoordination.Web.Cds;

/// <summary>
/// The CDS Hooks endpoints: <c>GET /cds-services</c> (discovery) and <c>POST /cds-services/{id}</c>. They bypass the
/// app's sign-in cookie and authenticate each call by its bearer JWT instead, discovery included, as the
/// specification asks.
/// </summary>
public static class CdsHooksEndpoints
{
    public static IEndpointConventionBuilder MapCdsHooks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Read the vocabularies and the trusted keys now: a missing file or a bad key stops start-up, not an EHR's call.
        CdsHooksRegistration.LoadEagerly(endpoints.ServiceProvider);
        var group = endpoints.MapGroup("/cds-services").AllowAnonymous();
        group.MapGet("", DiscoverAsync);
        group.MapPost("{id}", InvokeAsync);
        return group;
    }

    private static async Task<IResult> DiscoverAsync(HttpContext http, CdsClientAuthenticator authenticator)
    {
        if (await authenticator.AuthenticateAsync(http.Request) is null)
        {
            return Unauthorized(http);
        }

        return Results.Json(new { services = CdsServiceCatalog.Services }, CdsJson.Options);
    }

    private static async Task<IResult> InvokeAsync(string id, HttpContext http, CdsClientAuthenticator authenticator, ILoggerFactory loggers)
    {
        if (await authenticator.AuthenticateAsync(http.Request) is not { } caller)
        {
            return Unauthorized(http);
        }

        if (CdsServiceCatalog.Find(id) is not { } service)
        {
            return OperationOutcomeResults.Error(StatusCodes.Status404NotFound, "not-found", "There is no CDS service with this id; see GET /cds-services.");
        }

        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;
        try
        {
            var request = await CdsRequest.ReadAsync(http.Request.Body, service.Hook, cancellationToken);
            var cards = service.Id switch
            {
                CdsServiceCatalog.OrderSign => await services.GetRequiredService<OrderSignService>().EvaluateAsync(request, cancellationToken),
                CdsServiceCatalog.PatientView => await services.GetRequiredService<PatientViewService>().EvaluateAsync(request, caller, cancellationToken),
                CdsServiceCatalog.ConditionRecord => await services.GetRequiredService<ConditionRecordService>().EvaluateAsync(request, cancellationToken),
                _ => throw new UnreachableException($"The catalog lists {service.Id} but no handler does."),
            };
            return Results.Json(new CdsResponse(cards), CdsJson.Options);
        }
        catch (CdsRequestException problem)
        {
            // The status and issue code only: the diagnostics are for the caller.
            loggers.CreateLogger(typeof(CdsHooksEndpoints)).LogWarning(
                "CDS service {Service} refused a request: {Status} {IssueCode}", service.Id, problem.StatusCode, problem.IssueCode);
            return OperationOutcomeResults.From(problem);
        }
    }

    private static IResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return OperationOutcomeResults.Error(StatusCodes.Status401Unauthorized, "login",
            "A bearer JWT signed by a trusted CDS client, addressed to this endpoint, is required.");
    }
}
