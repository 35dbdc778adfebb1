namespace CareCoordination.Core.Rules;

internal static class Recipients
{
    public static readonly Recipient[] Pcp = [Recipient.Pcp];
    public static readonly Recipient[] CareManagers = [Recipient.CareManagerQueue];
    public static readonly Recipient[] BhPractitionerAndCareManagers = [Recipient.BhPractitioner, Recipient.CareManagerQueue];
}
