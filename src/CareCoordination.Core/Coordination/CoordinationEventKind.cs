namespace CareCoordination.Core.Coordination;

public enum CoordinationEventKind
{
    Finding,
    Prescription,
    Referral,
    Assessment,
    TreatmentPlan,
    ReleaseRequest,
    ContactAttempt,
    Note,

    /// <summary>A lab drawn to monitor a medication: a serum lithium level, or an ANC for clozapine.</summary>
    MedicationMonitoring,

    /// <summary>Metabolic screening for a member on an antipsychotic: glucose or HbA1c, and LDL-C or cholesterol (HEDIS APM/SSD).</summary>
    MetabolicScreening,
}
