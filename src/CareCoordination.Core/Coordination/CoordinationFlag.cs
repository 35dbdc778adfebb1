using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Coordination;

/// <summary>A rule that fired on an event: the reason in plain words, its priority, due date and contact path.</summary>
public sealed class CoordinationFlag
{
    public int Id { get; private set; }

    public int EventId { get; private set; }

    public CoordinationTrigger Trigger { get; init; }

    public Priority Priority { get; init; }

    public required string Reason { get; init; }

    public DateOnly DueOn { get; init; }

    public ContactPath ContactPath { get; init; }

    public static CoordinationFlag From(RuleOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new CoordinationFlag
        {
            Trigger = outcome.Trigger,
            Priority = outcome.Priority,
            Reason = outcome.Reason,
            DueOn = outcome.DueOn,
            ContactPath = outcome.ContactPath,
        };
    }
}
