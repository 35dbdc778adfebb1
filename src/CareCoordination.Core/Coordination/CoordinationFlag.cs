namespace CareCoordination.Core.Coordination;

/// <summary>A rule that fired on an event, with the reason in plain words.</summary>
public sealed class CoordinationFlag
{
    public int Id { get; private set; }

    public int EventId { get; private set; }

    public CoordinationTrigger Trigger { get; init; }

    public Priority Priority { get; init; }

    public required string Reason { get; init; }
}
