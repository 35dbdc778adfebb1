namespace CareCoordination.Core.Coordination;

/// <summary>Whether a task transition happened, and if not, why in words a care manager can act on.</summary>
public readonly record struct TaskChange(bool Done, string? Refusal)
{
    public static TaskChange Ok { get; } = new(true, null);

    public static TaskChange Refused(string reason) => new(false, reason);
}
