using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Infrastructure;
using Hl7.Fhir.Model;
using Icd10CmCode = CareCoordination.Core.Clinical.Icd10CmCode;

namespace CareCoordination.Web.Cds;

/// <summary>
/// <c>condition-record</c> (our own hook): diagnoses a clinician is about to record, with any screening scores taken
/// at the visit. From a BH practitioner they are an intake's or an established member's diagnoses (T2,
/// BH-MEDICAL-FINDING); from a medical provider, a suspected psychiatric or substance use problem (PCP-FINDING).
/// </summary>
public sealed class ConditionRecordService(
    CoordinationRules rules,
    ClinicianKinds clinicians,
    RuleCards cards,
    PlanClock clock,
    ILogger<ConditionRecordService> logger)
{
    private const string ClinicalStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string VerificationStatusSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /// <summary>SNOMED CT severities: mild, moderate, severe.</summary>
    private static readonly string[] SeveritiesInOrder = ["255604002", "6736007", "24484000"];

    public async Task<IReadOnlyList<CdsCard>> EvaluateAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = HookContext.Read(request);
        var newToPractitioner = request.ContextBoolean("newToPractitioner");
        var draftJson = request.ContextResource("draftConditions") ?? throw CdsRequestException.Required("context.draftConditions is required.");
        var drafts = FhirReader.Entries(FhirReader.Read<Bundle>(draftJson, "context.draftConditions"), "context.draftConditions", typeof(Condition))
            .Cast<Condition>().ToList();
        var observations = request.ContextResource("draftObservations") is { } observationJson
            ? FhirReader.Entries(FhirReader.Read<Bundle>(observationJson, "context.draftObservations"), "context.draftObservations", typeof(Observation))
                .Cast<Observation>().ToList()
            : [];
        var kind = await clinicians.OfUserAsync(request, cancellationToken);
        var active = PrefetchedConditions.Read(request, required: true);
        var sex = SexOf(request);
        var screens = ScreeningObservations.From(observations);
        var diagnoses = Diagnoses(drafts, active);
        if (kind is not { } recordedBy)
        {
            logger.LogInformation("condition-record: the user is neither a known provider nor described by a taxonomy; no rules evaluated");
            return [];
        }

        ClinicalEvent? recorded = recordedBy == ProviderKind.BehavioralHealthPractitioner
            ? diagnoses.Count > 0 ? new DiagnosesRecorded(recordedBy, newToPractitioner, diagnoses) : null
            : Finding(recordedBy, sex, diagnoses, screens);
        return recorded is null
            ? []
            : [.. rules.Evaluate(recorded, clock.Today).Select(outcome => cards.For(outcome, context.TaskSubject()))];
    }

    /// <summary>
    /// What a medical provider found: the first newly recorded F code (else suicidal ideation, R45.851) as the suspected
    /// problem, with suicidal ideation reported alongside when both were recorded, and the screening scores.
    /// </summary>
    private static PcpFindingRecorded? Finding(ProviderKind recordedBy, AdministrativeSex sex, IReadOnlyList<DiagnosisFact> diagnoses, ScreeningResults screens)
    {
        var fresh = diagnoses.Where(d => d.Change != DiagnosisChange.Unchanged).Select(d => d.Code).ToList();
        var suspected = fresh.FirstOrDefault(c => c.IsMentalOrBehavioral());
        var suicidalIdeation = fresh.Any(c => c.IsSuicidalIdeation());
        var hasScreens = screens.Phq9 is not null || screens.Phq9Item9 is not null || screens.Gad7 is not null || screens.AuditC is not null || screens.Dast10 is not null;
        if (suspected is null && !suicidalIdeation && !hasScreens)
        {
            return null;
        }

        return suspected is null
            ? new PcpFindingRecorded(recordedBy, sex, suicidalIdeation ? Icd10CmCode.Parse("R45.851") : null, screens)
            : new PcpFindingRecorded(recordedBy, sex, suspected, screens, SuicidalIdeationReported: suicidalIdeation);
    }

    /// <summary>The draft diagnoses with their ICD-10-CM code, each compared with the member's active conditions.</summary>
    private static List<DiagnosisFact> Diagnoses(IEnumerable<Condition> drafts, IReadOnlyList<Condition> active)
    {
        var facts = new List<DiagnosisFact>();
        foreach (var draft in drafts)
        {
            var verification = draft.VerificationStatus.CodeOf(VerificationStatusSystem);
            var clinical = draft.ClinicalStatus.CodeOf(ClinicalStatusSystem);
            if (verification is "refuted" or "entered-in-error" || clinical is "inactive" or "remission" or "resolved")
            {
                continue; // not a diagnosis the member has now
            }

            if (PrefetchedConditions.Icd10CodesOf(draft.Code).FirstOrDefault() is not { } code || facts.Any(f => f.Code == code))
            {
                continue;
            }

            var description = draft.Code!.Coding.FirstOrDefault(c => c.System == FhirCodes.Icd10Cm && !string.IsNullOrWhiteSpace(c.Display))?.Display
                ?? draft.Code.Text;
            facts.Add(new DiagnosisFact(code, description, ChangeOf(draft, clinical, code, active)));
        }

        return facts;
    }

    private static DiagnosisChange ChangeOf(Condition draft, string? clinicalStatus, Icd10CmCode code, IReadOnlyList<Condition> active)
    {
        if (clinicalStatus is "recurrence" or "relapse")
        {
            return DiagnosisChange.Reactivated;
        }

        var existing = active.FirstOrDefault(a => (draft.Id is not null && a.Id == draft.Id) || PrefetchedConditions.Icd10CodesOf(a.Code).Contains(code));
        if (existing is null)
        {
            return DiagnosisChange.New;
        }

        var before = SeverityRank(existing.Severity);
        return before > 0 && SeverityRank(draft.Severity) > before ? DiagnosisChange.Worsened : DiagnosisChange.Unchanged;
    }

    private static int SeverityRank(CodeableConcept? severity) =>
        severity.CodeOf(FhirCodes.SnomedCt) is { } code ? Array.IndexOf(SeveritiesInOrder, code) + 1 : 0;

    /// <summary>The member's administrative sex from the optional <c>patient</c> prefetch (AUDIT-C's threshold depends on it).</summary>
    private static AdministrativeSex SexOf(CdsRequest request)
    {
        var patient = request.Prefetch("patient");
        if (patient.State != PrefetchState.Present)
        {
            return AdministrativeSex.Unknown;
        }

        return FhirReader.Read<Patient>(patient.Value, "prefetch.patient").Gender switch
        {
            AdministrativeGender.Female => AdministrativeSex.Female,
            AdministrativeGender.Male => AdministrativeSex.Male,
            AdministrativeGender.Other => AdministrativeSex.Other,
            _ => AdministrativeSex.Unknown,
        };
    }
}
