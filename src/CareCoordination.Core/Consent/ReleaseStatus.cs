namespace CareCoordination.Core.Consent;

public enum ReleaseStatus
{
    NotYetEffective,
    Active,
    Expired,
    Revoked,
}

public static class ReleaseStatusFacts
{
    public static string Label(this ReleaseStatus status) => status switch
    {
        ReleaseStatus.NotYetEffective => "not yet effective",
        ReleaseStatus.Active => "active",
        ReleaseStatus.Expired => "expired",
        ReleaseStatus.Revoked => "revoked",
        _ => status.ToString(),
    };
}
