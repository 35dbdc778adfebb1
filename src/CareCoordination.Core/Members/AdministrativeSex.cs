namespace CareCoordination.Core.Members;

/// <summary>Administrative sex as the plan's enrollment file records it (screening thresholds such as AUDIT-C depend on it).</summary>
public enum AdministrativeSex
{
    Female,
    Male,
    Other,
    Unknown,
}
