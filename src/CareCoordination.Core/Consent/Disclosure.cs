namespace CareCoordination.Core.Consent;

/// <summary>A disclosure of protected content: who released what, to whom, when, why, and under which release (45 CFR 164.528).</summary>
public sealed class Disclosure
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public ProtectedContent Content { get; init; }

    public int RecipientProviderId { get; init; }

    public int ReleaseId { get; init; }

    public DateTime DisclosedAt { get; init; }

    public required string DisclosedByUserId { get; init; }

    public required string Purpose { get; init; }

    /// <summary>What was disclosed, e.g. "3 psychotherapy notes, 2026-09-01 to 2026-11-20".</summary>
    public required string Description { get; init; }
}
