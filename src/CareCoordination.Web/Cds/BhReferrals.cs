using CareCoordination.Core.Providers;
using CareCoordination.Core.Vocabularies;
using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>
/// Whether a ServiceRequest refers the member to behavioral health: its code is a BH referral code, or whoever is to
/// perform it is a BH practitioner (by taxonomy, or by an NPI the plan knows as BH).
/// </summary>
public sealed class BhReferrals(BhReferralCodes referralCodes, BhProviderTaxonomy taxonomy, ClinicianKinds clinicians, ClinicalVocabulary vocabulary)
{
    public async Task<bool> GoesToBehavioralHealthAsync(ServiceRequest request, IEnumerable<Resource> alongside, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Code.CodesOf(FhirCodes.SnomedCt).Any(code => referralCodes.Contains("snomed", code)) ||
            request.PerformerType.CodesOf(FhirCodes.NuccTaxonomy).Any(taxonomy.IsBehavioralHealth))
        {
            return true;
        }

        foreach (var performer in request.Performer)
        {
            if (FhirReferences.Resolve(performer, request, alongside) is { } resolved &&
                await clinicians.OfAsync([resolved], cancellationToken) == ProviderKind.BehavioralHealthPractitioner)
            {
                return true;
            }

            // A logical reference: the performer named by NPI only.
            if (performer.Identifier is { } identifier && identifier.System == FhirCodes.Npi && identifier.Value is { } npi &&
                await clinicians.KnownKindAsync(npi, cancellationToken) == ProviderKind.BehavioralHealthPractitioner)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Co-occurring medical and behavioral conditions, which the manual routes to BH Provider Services for specialized
    /// help: a mental or behavioral diagnosis (nicotine alone aside) together with a chronic medical condition, among
    /// the member's active conditions and the referral's reasons.
    /// </summary>
    public bool NeedsSpecializedHelp(ServiceRequest request, IEnumerable<Condition> activeConditions)
    {
        ArgumentNullException.ThrowIfNull(request);
        var codes = activeConditions.Select(c => c.Code).Concat(request.ReasonCode)
            .SelectMany(PrefetchedConditions.Icd10CodesOf).ToList();
        var behavioral = codes.Any(c => c.IsMentalOrBehavioral() && !c.IsNicotineDependence());
        var chronicMedical = codes.Any(c => vocabulary.ChronicConditions.GroupOf(c) is not null);
        return behavioral && chronicMedical;
    }
}
