using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Rules;

public enum Recipient
{
    Pcp,
    BhPractitioner,
    CareManagerQueue,
}

/// <summary>How to reach the people who need to know, in the manual's terms.</summary>
public enum ContactPath
{
    PcpOffice,
    BhProviderServices,
    MemberServices,
}

/// <summary>A rule that fired: why, on which manual text, for whom, how urgently, by when and by which path.</summary>
public sealed record RuleOutcome(
    CoordinationTrigger Trigger,
    Priority Priority,
    string Reason,
    string ManualText,
    IReadOnlyList<Recipient> Recipients,
    ContactPath ContactPath,
    DateOnly DueOn)
{
    public string RuleId => Trigger.RuleId();

    /// <summary>Urgent PCP findings (possible suicidal ideation) show crisis resources: the 988 Suicide and Crisis Lifeline.</summary>
    public bool ShowsCrisisResources => Trigger == CoordinationTrigger.PcpFinding && Priority == Priority.Urgent;

    public bool RequestsMedicalEvaluation => Trigger == CoordinationTrigger.TreatmentNeedingMedicalEvaluation;
}

public static class RecipientFacts
{
    public static string Label(this Recipient recipient) => recipient switch
    {
        Recipient.Pcp => "the member's PCP",
        Recipient.BhPractitioner => "the BH practitioner",
        Recipient.CareManagerQueue => "the care manager queue",
        _ => recipient.ToString(),
    };

    public static string Label(this ContactPath path) => path switch
    {
        ContactPath.PcpOffice => "PCP office",
        ContactPath.BhProviderServices => "Behavioral Health Provider Services",
        ContactPath.MemberServices => "Member Services (number on the back of the member's ID card)",
        _ => path.ToString(),
    };
}
