namespace CareCoordination.Core.Providers;

public enum ProviderKind
{
    PrimaryCarePhysician,
    OtherMedicalProvider,
    BehavioralHealthPractitioner,
}

public static class ProviderKindFacts
{
    public static string Label(this ProviderKind kind) => kind switch
    {
        ProviderKind.PrimaryCarePhysician => "Primary care physician",
        ProviderKind.OtherMedicalProvider => "Other medical provider",
        ProviderKind.BehavioralHealthPractitioner => "Behavioral health practitioner",
        _ => kind.ToString(),
    };
}
