using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Infrastructure;
using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>
/// <c>order-sign</c>: the orders a clinician is about to sign. A MedicationRequest is a start, a change (it names an
/// active order as its <c>priorPrescription</c>) or a stop (status stopped or cancelled) for T1 and T3; a
/// ServiceRequest for ECT or TMS is a planned treatment (T3); one that goes to behavioral health is a referral (T4).
/// </summary>
public sealed class OrderSignService(
    CoordinationRules rules,
    ClinicalVocabulary vocabulary,
    ClinicianKinds clinicians,
    BhReferrals referrals,
    RuleCards cards,
    PlanClock clock,
    ILogger<OrderSignService> logger)
{
    public const string MedicationsKey = "medications";

    private static readonly Type[] OrderTypes =
        [typeof(MedicationRequest), typeof(ServiceRequest), typeof(NutritionOrder), typeof(VisionPrescription), typeof(DeviceRequest), typeof(Medication)];

    public async Task<IReadOnlyList<CdsCard>> EvaluateAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = HookContext.Read(request);
        var draftJson = request.ContextResource("draftOrders") ?? throw CdsRequestException.Required("context.draftOrders is required.");
        var drafts = FhirReader.Entries(FhirReader.Read<Bundle>(draftJson, "context.draftOrders"), "context.draftOrders", OrderTypes);
        var kind = await clinicians.OfUserAsync(request, cancellationToken);
        var active = drafts.OfType<MedicationRequest>().Any() ? ActiveMedications(request) : [];
        var conditions = PrefetchedConditions.Read(request, required: false);
        if (kind is not { } recordedBy)
        {
            logger.LogInformation("order-sign: the user is neither a known provider nor described by a taxonomy; no rules evaluated");
            return [];
        }

        var alongside = drafts.Concat(active).ToList();
        var activeFacts = active.OfType<MedicationRequest>().Select(m => (Order: m, Fact: FhirMedications.FactOf(m, alongside))).ToList();
        var found = new List<CdsCard>();
        foreach (var draft in drafts)
        {
            var events = draft switch
            {
                MedicationRequest medication => MedicationEvents(recordedBy, medication, activeFacts, alongside),
                ServiceRequest service => await ServiceEventsAsync(recordedBy, service, conditions, alongside, cancellationToken),
                _ => [],
            };
            var subject = context.TaskSubject(draft.Id is null ? null : $"{draft.TypeName}/{draft.Id}");
            found.AddRange(events.SelectMany(e => rules.Evaluate(e, clock.Today)).Select(outcome => cards.For(outcome, subject)));
        }

        return found;
    }

    /// <summary>The member's active MedicationRequests (and any Medication they include) from the <c>medications</c> prefetch.</summary>
    private static IReadOnlyList<Resource> ActiveMedications(CdsRequest request)
    {
        var medications = request.Prefetch(MedicationsKey);
        return medications.State switch
        {
            PrefetchState.Missing => throw CdsRequestException.PrefetchMissing(MedicationsKey),
            PrefetchState.NoData => [],
            _ => [.. FhirReader.Entries(FhirReader.Read<Bundle>(medications.Value, $"prefetch.{MedicationsKey}"), $"prefetch.{MedicationsKey}",
                    typeof(MedicationRequest), typeof(Medication), typeof(OperationOutcome))
                .Where(r => r is not MedicationRequest order || order.Status is null or MedicationRequest.MedicationrequestStatus.Active)],
        };
    }

    private static List<ClinicalEvent> MedicationEvents(
        ProviderKind recordedBy, MedicationRequest draft, List<(MedicationRequest Order, MedicationFact Fact)> active, List<Resource> alongside)
    {
        if (draft.Status == MedicationRequest.MedicationrequestStatus.EnteredInError)
        {
            return [];
        }

        var fact = FhirMedications.FactOf(draft, alongside);
        // The order it replaces: named as priorPrescription, or the same order signed again after an edit.
        var prior = active.FirstOrDefault(a => a.Order.Id is { } id &&
            (FhirReferences.IsReferenceTo(draft.PriorPrescription?.Reference, "MedicationRequest", id) || id == draft.Id));
        var before = active.Select(a => a.Fact).ToList();
        var stopping = draft.Status is MedicationRequest.MedicationrequestStatus.Stopped or MedicationRequest.MedicationrequestStatus.Cancelled;
        return stopping
            ? [new MedicationChanged(recordedBy, before, Started: null, Stopped: prior.Fact ?? fact, StopReason: draft.StatusReason.TextOf())]
            : [new MedicationChanged(recordedBy, before, Started: fact, Stopped: prior.Fact)];
    }

    private async Task<List<ClinicalEvent>> ServiceEventsAsync(
        ProviderKind recordedBy, ServiceRequest draft, IReadOnlyList<Condition> conditions, List<Resource> alongside, CancellationToken cancellationToken)
    {
        if (draft.Status is RequestStatus.EnteredInError or RequestStatus.Revoked or RequestStatus.Completed)
        {
            return [];
        }

        var events = new List<ClinicalEvent>(2);
        if (PlannedProcedure(draft) is { } planned)
        {
            events.Add(new TreatmentPlanned(recordedBy, planned.System, planned.Code, planned.Display));
        }

        if (await referrals.GoesToBehavioralHealthAsync(draft, alongside, cancellationToken))
        {
            events.Add(new ReferralMade(recordedBy, ToBehavioralHealth: true, referrals.NeedsSpecializedHelp(draft, conditions)));
        }

        return events;
    }

    /// <summary>The first CPT or SNOMED CT code of the order that is a treatment needing a medical evaluation.</summary>
    private (string System, string Code, string? Display)? PlannedProcedure(ServiceRequest draft)
    {
        foreach (var coding in draft.Code?.Coding ?? [])
        {
            var system = coding.System switch
            {
                FhirCodes.Cpt => "cpt",
                FhirCodes.SnomedCt => "snomed",
                _ => null,
            };
            if (system is not null && coding.Code is { } code && vocabulary.MedicalEvaluationTreatments.MatchProcedure(system, code.Trim()) is not null)
            {
                return (system, code.Trim(), coding.Display);
            }
        }

        return null;
    }
}
