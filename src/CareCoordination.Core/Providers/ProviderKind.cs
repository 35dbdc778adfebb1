namespace CareCoordination.Core.Providers;

public enum ProviderKind
{
    PrimaryCarePhysician,
    OtherMedicalProvider,
    BehavioralHealthPractitioner,
}
