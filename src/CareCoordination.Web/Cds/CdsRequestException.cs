namespace CareCoordination.Web.Cds;

/// <summary>
/// A request the service cannot act on, answered with an OperationOutcome. Its diagnostics name fields and rules,
/// never values from the request, so no PHI is echoed back or logged.
/// </summary>
public sealed class CdsRequestException : Exception
{
    public CdsRequestException()
        : this("The request could not be processed.")
    {
    }

    public CdsRequestException(string message)
        : this(message, null)
    {
    }

    public CdsRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        IssueCode = "invalid";
    }

    private CdsRequestException(int statusCode, string issueCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        IssueCode = issueCode;
    }

    public int StatusCode { get; }

    /// <summary>The FHIR IssueType code: <c>invalid</c>, <c>required</c>...</summary>
    public string IssueCode { get; }

    public static CdsRequestException Invalid(string diagnostics) => new(StatusCodes.Status400BadRequest, "invalid", diagnostics);

    public static CdsRequestException Required(string diagnostics) => new(StatusCodes.Status400BadRequest, "required", diagnostics);

    /// <summary>
    /// A prefetch key the service needs was not sent. The specification answers this with 412: this service never
    /// queries the EHR's FHIR server itself.
    /// </summary>
    public static CdsRequestException PrefetchMissing(string key) => new(StatusCodes.Status412PreconditionFailed, "required",
        $"Prefetch '{key}' is required: this service reads the data it needs from prefetch only.");
}
