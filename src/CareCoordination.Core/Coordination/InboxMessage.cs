namespace CareCoordination.Core.Coordination;

/// <summary>
/// A coordination message to a member's PCP about what a BH practitioner recorded. Its body is exactly what was shared:
/// routine coordination information, never psychotherapy notes. Acknowledging it closes the loop on the event's tasks.
/// </summary>
public sealed class InboxMessage
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    /// <summary>The PCP the message is for.</summary>
    public int RecipientProviderId { get; init; }

    public int EventId { get; private set; }

    public CoordinationEvent Event { get; init; } = null!;

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public DateTime SentAt { get; init; }

    public required string SentByUserId { get; init; }

    public DateTime? AcknowledgedAt { get; private set; }

    public string? AcknowledgedByUserId { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public DomainChange Acknowledge(string userId, DateTime now)
    {
        if (IsAcknowledged)
        {
            return DomainChange.Refused("This message was already acknowledged.");
        }

        AcknowledgedAt = now;
        AcknowledgedByUserId = userId;
        return DomainChange.Ok;
    }
}
