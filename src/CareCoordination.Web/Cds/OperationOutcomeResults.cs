using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCoordination.Web.Cds;

/// <summary>Errors as a FHIR OperationOutcome, so that EHRs can show them the way they show their own.</summary>
public static class OperationOutcomeResults
{
    public static IResult Error(int statusCode, string issueCode, string diagnostics) =>
        Results.Json(new OperationOutcome([new Issue("error", issueCode, diagnostics)]), CdsJson.Options, statusCode: statusCode);

    public static IResult From(CdsRequestException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Error(problem.StatusCode, problem.IssueCode, problem.Message);
    }

    private sealed record OperationOutcome(IReadOnlyList<Issue> Issue, [property: JsonPropertyOrder(-1)] string ResourceType = "OperationOutcome");

    private sealed record Issue(string Severity, string Code, string Diagnostics);
}

/// <summary>The JSON shape of CDS Hooks: camelCase, absent rather than null.</summary>
public static class CdsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
