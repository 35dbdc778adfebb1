using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;

namespace CareCoordination.Web.Cds;

/// <summary>
/// Reads FHIR R4 resources out of a CDS Hooks request with the Firely SDK. Draft resources are often incomplete, so
/// missing required elements are tolerated; so are elements this FHIR version does not know (an EHR may send newer
/// ones). Anything whose values cannot be trusted (a wrong type, an unknown code) is refused, so that reading a
/// property never throws later.
/// </summary>
public static class FhirReader
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings()
        .UsingMode(DeserializationMode.NoOverflow)
        .Ignoring([CodedValidationException.UNKNOWN_ELEMENT_CODE]));

    /// <summary>The resource at <paramref name="where"/> (a path such as <c>context.draftOrders</c>, used in errors).</summary>
    public static Resource Read(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw CdsRequestException.Invalid($"{where} must be a FHIR resource.");
        }

        Resource? resource;
        IEnumerable<CodedException> issues;
        try
        {
            Deserializer.TryDeserializeResource(json.GetRawText(), out resource, out issues);
        }
        catch (Exception e) when (e is JsonException or CodedException or FormatException)
        {
            throw CdsRequestException.Invalid($"{where} is not a valid FHIR R4 resource.");
        }

        // Only the SDK's issue codes go back: its messages can quote the offending values.
        var codes = issues.Select(i => i.ErrorCode).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > 0 || resource is null)
        {
            throw CdsRequestException.Invalid($"{where} is not a valid FHIR R4 resource ({string.Join(", ", codes)}).");
        }

        return resource is DynamicResource
            ? throw CdsRequestException.Invalid($"{where} is not a FHIR R4 resource type.")
            : resource;
    }

    public static T Read<T>(JsonElement json, string where)
        where T : Resource => Read(json, where) as T
            ?? throw CdsRequestException.Invalid($"{where} must be a FHIR {typeof(T).Name}.");

    /// <summary>The resources of a Bundle, each checked to be one of <paramref name="allowed"/>.</summary>
    public static IReadOnlyList<Resource> Entries(Bundle bundle, string where, params Type[] allowed)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var resources = new List<Resource>(bundle.Entry.Count);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (bundle.Entry[i].Resource is not { } resource)
            {
                continue;
            }

            if (!allowed.Contains(resource.GetType()))
            {
                throw CdsRequestException.Invalid(
                    $"{where} entry {i} must be one of {string.Join(", ", allowed.Select(t => t.Name))}, not {resource.TypeName}.");
            }

            resources.Add(resource);
        }

        return resources;
    }
}
