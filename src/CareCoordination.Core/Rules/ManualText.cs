using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Rules;

/// <summary>The provider manual's own words ("Coordination of Care", last updated 12/19/2024) that each rule rests on.</summary>
public static class ManualText
{
    public const string PsychotropicStartOrChange =
        "Coordination of care between the member's medical and behavioral providers is encouraged when a behavioral health practitioner begins prescribing psychotropic medications or makes significant changes to the regimen.";

    public const string NewMemberComorbidityOrChange =
        "Coordination of care is encouraged when a new member reports a concurrent medical condition, a substance abuse disorder and/or a major mental illness (for example, a condition other than an adjustment disorder) or when there is a change in condition for an established member.";

    public const string TreatmentNeedingMedicalEvaluation =
        "Coordination of care is encouraged when a behavioral health practitioner is considering treatment that requires a medical evaluation (for example, electroconvulsive therapy).";

    public const string MedicalToBhReferral =
        "Coordination of care is encouraged when a PCP or other medical provider refers a member to a behavioral health practitioner. Participating providers may also refer members for routine behavioral health services by advising members to contact the Member Services number listed on the back of their ID card.";

    public const string PcpFinding =
        "If there is any indication during a medical evaluation that a psychiatric or substance abuse problem is present, the PCP may contact Behavioral Health Provider Services.";

    public const string BhMedicalFinding =
        "After the behavioral health provider conducts an initial assessment, the behavioral health provider or clinical care manager should coordinate care with the member's PCP if a medical condition is discovered.";

    /// <summary>
    /// Not the manual's words but the regulation's, for the one task no manual situation raises: SUD records of a Part 2
    /// program go to another provider only with the member's written consent (42 CFR 2.31, 2.33(b) of the 2024 rule).
    /// </summary>
    public const string Part2ConsentNeeded =
        "42 CFR Part 2: records of a substance use disorder program may be disclosed only with the member's written consent (2.31); a single consent may cover all future treatment, payment and health care operations (2.33(b)). Ask the member whether they will consent.";

    /// <summary>Where the quoted words come from: the provider manual, or the Part 2 regulation.</summary>
    public static string SourceOf(CoordinationTrigger trigger) => trigger == CoordinationTrigger.Part2ConsentNeeded ? "42 CFR Part 2" : "Provider manual";

    public static string For(CoordinationTrigger trigger) => trigger switch
    {
        CoordinationTrigger.PsychotropicStartOrChange => PsychotropicStartOrChange,
        CoordinationTrigger.NewMemberComorbidityOrChange => NewMemberComorbidityOrChange,
        CoordinationTrigger.TreatmentNeedingMedicalEvaluation => TreatmentNeedingMedicalEvaluation,
        CoordinationTrigger.MedicalToBhReferral => MedicalToBhReferral,
        CoordinationTrigger.PcpFinding => PcpFinding,
        CoordinationTrigger.BhMedicalFinding => BhMedicalFinding,
        CoordinationTrigger.Part2ConsentNeeded => Part2ConsentNeeded,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger."),
    };
}
