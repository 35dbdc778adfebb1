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

    public static string For(CoordinationTrigger trigger) => trigger switch
    {
        CoordinationTrigger.PsychotropicStartOrChange => PsychotropicStartOrChange,
        CoordinationTrigger.NewMemberComorbidityOrChange => NewMemberComorbidityOrChange,
        CoordinationTrigger.TreatmentNeedingMedicalEvaluation => TreatmentNeedingMedicalEvaluation,
        CoordinationTrigger.MedicalToBhReferral => MedicalToBhReferral,
        CoordinationTrigger.PcpFinding => PcpFinding,
        CoordinationTrigger.BhMedicalFinding => BhMedicalFinding,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger."),
    };
}
