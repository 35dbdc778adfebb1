namespace CareCoordination.Web.Cds;

/// <summary>A CDS service as the discovery endpoint describes it.</summary>
/// <param name="Prefetch">Prefetch key → FHIR query template, with the hook context's tokens.</param>
public sealed record CdsServiceDescription(string Hook, string Title, string Description, string Id, IReadOnlyDictionary<string, string> Prefetch);

/// <summary>
/// The services this app offers. Each service's id is its hook's name. Prefetch asks for what the service reads and no
/// more: the user (to tell a BH practitioner from a medical provider), the patient, and the member's active
/// conditions and medications.
/// </summary>
public static class CdsServiceCatalog
{
    public const string OrderSign = "order-sign";
    public const string PatientView = "patient-view";

    /// <summary>Our own hook: a clinician is about to record diagnoses (and screening scores) for a patient.</summary>
    public const string ConditionRecord = "condition-record";

    public const string UserTemplate = "{{context.userId}}";
    public const string PatientTemplate = "Patient/{{context.patientId}}";
    public const string ConditionsTemplate = "Condition?patient={{context.patientId}}&clinical-status=active";
    public const string MedicationsTemplate = "MedicationRequest?patient={{context.patientId}}&status=active";

    public static IReadOnlyList<CdsServiceDescription> Services { get; } =
    [
        new(OrderSign, "Care coordination for signed orders",
            "When a behavioral health practitioner starts, changes or stops a psychotropic, or plans ECT or TMS, and when a medical provider refers a member to behavioral health: whether the provider manual encourages coordination of care, with whom, by when, and a task to create for it.",
            OrderSign,
            new Dictionary<string, string>
            {
                ["user"] = UserTemplate,
                [OrderSignService.MedicationsKey] = MedicationsTemplate,
                [PrefetchedConditions.Key] = ConditionsTemplate,
            }),
        new(PatientView, "Open care coordination for this member",
            "The member's open coordination tasks and the status of their releases of information. Details a 42 CFR Part 2 program recorded go only to a plan provider (known by the user's NPI) whom the member's Part 2 consent covers.",
            PatientView,
            new Dictionary<string, string> { ["user"] = UserTemplate, [PatientViewService.PatientKey] = PatientTemplate }),
        new(ConditionRecord, "Care coordination for recorded diagnoses",
            "When a behavioral health practitioner records an intake's or an established member's diagnoses, or a medical provider records a suspected psychiatric or substance use problem or a positive screen (PHQ-9, GAD-7, AUDIT-C, DAST-10): whether coordination of care is encouraged, and a task to create for it. Context: userId, patientId, encounterId (optional), draftConditions (Bundle of Condition), draftObservations (optional Bundle of Observation), newToPractitioner (boolean).",
            ConditionRecord,
            new Dictionary<string, string>
            {
                ["user"] = UserTemplate,
                [PatientViewService.PatientKey] = PatientTemplate,
                [PrefetchedConditions.Key] = ConditionsTemplate,
            }),
    ];

    public static CdsServiceDescription? Find(string id) => Services.FirstOrDefault(s => s.Id == id);
}
