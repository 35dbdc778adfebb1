namespace CareCoordination.Core.Clinical;

/// <summary>A diagnosis on a member's problem list.</summary>
public sealed class Condition
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public required Icd10CmCode Code { get; init; }

    public required string Description { get; init; }

    public DateOnly? OnsetOn { get; init; }

    /// <summary>The provider who recorded the diagnosis.</summary>
    public int RecordedById { get; init; }

    public DateTime RecordedAt { get; init; }

    public ConditionStatus Status { get; private set; } = ConditionStatus.Active;

    public DateOnly? ResolvedOn { get; private set; }

    public void Resolve(DateOnly on)
    {
        Status = ConditionStatus.Resolved;
        ResolvedOn = on;
    }

    /// <summary>A resolved diagnosis that comes back: a change in condition the rules care about.</summary>
    public void Reactivate()
    {
        Status = ConditionStatus.Active;
        ResolvedOn = null;
    }
}
