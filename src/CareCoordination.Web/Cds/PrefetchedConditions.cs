using Hl7.Fhir.Model;
using Icd10CmCode = CareCoordination.Core.Clinical.Icd10CmCode;

namespace CareCoordination.Web.Cds;

/// <summary>The member's active conditions from the <c>conditions</c> prefetch, and the ICD-10-CM codes of a Condition.</summary>
public static class PrefetchedConditions
{
    public const string Key = "conditions";

    public static IReadOnlyList<Condition> Read(CdsRequest request, bool required)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conditions = request.Prefetch(Key);
        return conditions.State switch
        {
            PrefetchState.Missing when required => throw CdsRequestException.PrefetchMissing(Key),
            PrefetchState.Present => [.. FhirReader.Entries(FhirReader.Read<Bundle>(conditions.Value, $"prefetch.{Key}"), $"prefetch.{Key}",
                typeof(Condition), typeof(OperationOutcome)).OfType<Condition>()],
            _ => [],
        };
    }

    /// <summary>The well-formed ICD-10-CM codes of a condition; SNOMED-only conditions have none.</summary>
    public static IEnumerable<Icd10CmCode> Icd10CodesOf(CodeableConcept? code)
    {
        foreach (var text in code.CodesOf(FhirCodes.Icd10Cm))
        {
            if (Icd10CmCode.TryParse(text, out var parsed))
            {
                yield return parsed!;
            }
        }
    }
}
