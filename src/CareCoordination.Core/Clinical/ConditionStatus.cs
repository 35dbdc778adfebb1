namespace CareCoordination.Core.Clinical;

public enum ConditionStatus
{
    Active,
    Resolved,
}
