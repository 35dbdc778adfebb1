namespace CareCoordination.Core.Coordination;

/// <summary>How soon coordination is due. Declared most pressing first, so ordering by value puts urgent work on top.</summary>
public enum Priority
{
    Urgent,
    High,
    Routine,
}
