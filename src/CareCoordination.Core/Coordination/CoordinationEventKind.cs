namespace CareCoordination.Core.Coordination;

public enum CoordinationEventKind
{
    Finding,

    /// <summary>A change to a medication order already on file: a dose change, a switch, a stop, a refill.</summary>
    Prescription,

    /// <summary>A new medication order (the Start a medication page); the psychotropic-starts report counts these.</summary>
    MedicationStarted,

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

public static class CoordinationEventKindFacts
{
    /// <summary>How the timeline names the kind.</summary>
    public static string Label(this CoordinationEventKind kind) => kind switch
    {
        CoordinationEventKind.Finding => "Finding",
        CoordinationEventKind.Prescription => "Prescription",
        CoordinationEventKind.MedicationStarted => "Medication started",
        CoordinationEventKind.Referral => "Referral",
        CoordinationEventKind.Assessment => "Assessment",
        CoordinationEventKind.TreatmentPlan => "Treatment plan",
        CoordinationEventKind.ReleaseRequest => "Release request",
        CoordinationEventKind.ContactAttempt => "Contact attempt",
        CoordinationEventKind.Note => "Note",
        CoordinationEventKind.MedicationMonitoring => "Medication monitoring",
        CoordinationEventKind.MetabolicScreening => "Metabolic screening",
        _ => kind.ToString(),
    };
}
