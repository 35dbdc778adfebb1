using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Coordination;

/// <summary>
/// A rule that fired on an event: the reason in plain words, its priority, due date and contact path; and how far its
/// coordination got, so that the reports count flags by day without searching every message and contact attempt.
/// </summary>
public sealed class CoordinationFlag
{
    public int Id { get; private set; }

    public int EventId { get; private set; }

    /// <summary>The event's member, kept here so that the reports can filter flags by PPG without reading events.</summary>
    public required int MemberId { get; init; }

    /// <summary>When the event happened, kept here so that the reports can choose flags by day without reading events.</summary>
    public required DateTime OccurredAt { get; init; }

    public CoordinationTrigger Trigger { get; init; }

    public Priority Priority { get; init; }

    public required string Reason { get; init; }

    public DateOnly DueOn { get; init; }

    public ContactPath ContactPath { get; init; }

    /// <summary>The first time the recipient was contacted: the PCP was sent the message, or a contact attempt was logged on one of the event's tasks.</summary>
    public DateTime? RecipientContactedAt { get; private set; }

    /// <summary>The first time the recipient acknowledged it: the PCP acknowledged the message, or a contact attempt reached the recipient.</summary>
    public DateTime? RecipientAcknowledgedAt { get; private set; }

    /// <summary>
    /// The first time it was communicated: the PCP acknowledged the message, or a contact attempt on this rule's own task
    /// reached the recipient or sent the information.
    /// </summary>
    public DateTime? CommunicatedAt { get; private set; }

    public static CoordinationFlag From(RuleOutcome outcome, int memberId, DateTime occurredAt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new CoordinationFlag
        {
            MemberId = memberId,
            OccurredAt = occurredAt,
            Trigger = outcome.Trigger,
            Priority = outcome.Priority,
            Reason = outcome.Reason,
            DueOn = outcome.DueOn,
            ContactPath = outcome.ContactPath,
        };
    }

    public void MessageSent(DateTime at) => RecipientContactedAt = Earliest(RecipientContactedAt, at);

    public void MessageAcknowledged(DateTime at)
    {
        RecipientAcknowledgedAt = Earliest(RecipientAcknowledgedAt, at);
        CommunicatedAt = Earliest(CommunicatedAt, at);
    }

    /// <summary>A contact attempt on one of the event's tasks: the task's rule says whether it was this flag's own.</summary>
    public void ContactAttempted(CoordinationTrigger taskTrigger, ContactOutcome outcome, DateTime at)
    {
        RecipientContactedAt = Earliest(RecipientContactedAt, at);
        if (outcome == ContactOutcome.Reached)
        {
            RecipientAcknowledgedAt = Earliest(RecipientAcknowledgedAt, at);
        }

        if (taskTrigger == Trigger && outcome is ContactOutcome.Reached or ContactOutcome.Sent)
        {
            CommunicatedAt = Earliest(CommunicatedAt, at);
        }
    }

    // The first time stays, whatever order the facts arrive in.
    private static DateTime Earliest(DateTime? first, DateTime at) => first is { } earlier && earlier <= at ? earlier : at;
}
