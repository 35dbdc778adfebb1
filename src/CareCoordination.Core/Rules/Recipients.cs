using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Rules;

/// <summary>Who each rule's outcome is for; fixed per rule, so a saved flag's recipients follow from its trigger.</summary>
public static class Recipients
{
    private static readonly Recipient[] Pcp = [Recipient.Pcp];
    private static readonly Recipient[] CareManagers = [Recipient.CareManagerQueue];
    private static readonly Recipient[] BhPractitionerAndCareManagers = [Recipient.BhPractitioner, Recipient.CareManagerQueue];

    public static IReadOnlyList<Recipient> For(CoordinationTrigger trigger) => trigger switch
    {
        CoordinationTrigger.MedicalToBhReferral => BhPractitionerAndCareManagers,
        CoordinationTrigger.PcpFinding or CoordinationTrigger.Part2ConsentNeeded => CareManagers,
        _ => Pcp,
    };
}
