using CareCoordination.Core.Rules;
using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>A MedicationRequest as the rules see it: the drug (RxNorm, ATC, words) and its daily dose.</summary>
public static class FhirMedications
{
    /// <param name="alongside">Resources a <c>medicationReference</c> may point at (Bundle entries, prefetch includes).</param>
    public static MedicationFact FactOf(MedicationRequest request, IEnumerable<Resource> alongside)
    {
        ArgumentNullException.ThrowIfNull(request);
        var concept = request.Medication switch
        {
            CodeableConcept inline => inline,
            ResourceReference reference => (FhirReferences.Resolve(reference, request, alongside) as Medication)?.Code,
            _ => null,
        };
        var text = concept.TextOf() ?? (request.Medication as ResourceReference)?.Display ?? "unnamed medication";
        var (dailyDose, unit) = DailyDose.Of(request.DosageInstruction);
        return new MedicationFact(text, concept.CodeOf(FhirCodes.Atc), concept.CodeOf(FhirCodes.RxNorm), dailyDose, unit);
    }
}
