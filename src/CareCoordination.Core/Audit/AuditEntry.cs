namespace CareCoordination.Core.Audit;

/// <summary>
/// One audited action: who, when, what, on which member, with what outcome. It records identifiers only,
/// never the PHI itself, so the trail can be read by auditors who may not see clinical content.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime OccurredAt { get; init; }

    /// <summary>The signed-in user; null when anonymous (e.g. a failed sign-in).</summary>
    public string? UserId { get; init; }

    public AuditAction Action { get; init; }

    public int? MemberId { get; init; }

    public AuditOutcome Outcome { get; init; }

    public required string CorrelationId { get; init; }
}
