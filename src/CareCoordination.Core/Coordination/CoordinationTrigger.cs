namespace CareCoordination.Core.Coordination;

/// <summary>Why coordination of care is encouraged: the manual's four situations and its two discovery paths.</summary>
public enum CoordinationTrigger
{
    /// <summary>T1: a BH practitioner begins prescribing a psychotropic or significantly changes the regimen.</summary>
    PsychotropicStartOrChange,

    /// <summary>T2: a new member reports a comorbidity, SUD or major mental illness, or an established member's condition changes.</summary>
    NewMemberComorbidityOrChange,

    /// <summary>T3: a BH practitioner considers treatment that requires a medical evaluation.</summary>
    TreatmentNeedingMedicalEvaluation,

    /// <summary>T4: a PCP or other medical provider refers a member to a BH practitioner.</summary>
    MedicalToBhReferral,

    /// <summary>A PCP finds a suspected psychiatric or substance use problem during a medical exam.</summary>
    PcpFinding,

    /// <summary>After the initial assessment, a BH practitioner discovers a medical condition.</summary>
    BhMedicalFinding,

    /// <summary>
    /// Not a manual situation: a 42 CFR Part 2 program's information was withheld from a recipient no consent covers, so a
    /// care manager asks the member for a Part 2 consent (42 CFR 2.31; one for treatment, payment and operations, 2.33(b)).
    /// </summary>
    Part2ConsentNeeded,
}

public static class CoordinationTriggerFacts
{
    /// <summary>The stable rule id shown to users and sent to EHRs.</summary>
    public static string RuleId(this CoordinationTrigger trigger) => trigger switch
    {
        CoordinationTrigger.PsychotropicStartOrChange => "T1",
        CoordinationTrigger.NewMemberComorbidityOrChange => "T2",
        CoordinationTrigger.TreatmentNeedingMedicalEvaluation => "T3",
        CoordinationTrigger.MedicalToBhReferral => "T4",
        CoordinationTrigger.PcpFinding => "PCP-FINDING",
        CoordinationTrigger.BhMedicalFinding => "BH-MEDICAL-FINDING",
        CoordinationTrigger.Part2ConsentNeeded => "PART2-CONSENT",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger."),
    };

    /// <summary>Whether a coordination rule raises it as a flag on an event; <see cref="CoordinationTrigger.Part2ConsentNeeded"/> is only ever a task.</summary>
    public static bool IsFlaggedByARule(this CoordinationTrigger trigger) => trigger != CoordinationTrigger.Part2ConsentNeeded;

    public static string Label(this CoordinationTrigger trigger) => trigger switch
    {
        CoordinationTrigger.PsychotropicStartOrChange => "Psychotropic start or change",
        CoordinationTrigger.NewMemberComorbidityOrChange => "New member comorbidity or change in condition",
        CoordinationTrigger.TreatmentNeedingMedicalEvaluation => "Treatment needing medical evaluation",
        CoordinationTrigger.MedicalToBhReferral => "Referral to behavioral health",
        CoordinationTrigger.PcpFinding => "PCP finding",
        CoordinationTrigger.BhMedicalFinding => "Medical condition found by BH",
        CoordinationTrigger.Part2ConsentNeeded => "Part 2 consent needed",
        _ => trigger.ToString(),
    };
}
