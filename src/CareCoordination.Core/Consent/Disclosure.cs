namespace CareCoordination.Core.Consent;

/// <summary>A disclosure of protected content: who released what, to whom, when, why, and under which release or emergency (45 CFR 164.528; 42 CFR 2.51(c)).</summary>
public sealed class Disclosure
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public ProtectedContent Content { get; init; }

    public int RecipientProviderId { get; init; }

    /// <summary>The consent or authorization it was made under; null only for a medical-emergency disclosure.</summary>
    public int? ReleaseId { get; init; }

    /// <summary>The emergency grant a Part 2 disclosure was made under (42 CFR 2.51), instead of a consent.</summary>
    public int? EmergencyAccessId { get; init; }

    /// <summary>For a 42 CFR 2.51(c) disclosure: the nature of the emergency, as documented with it.</summary>
    public string? EmergencyNature { get; init; }

    public DateTime DisclosedAt { get; init; }

    public required string DisclosedByUserId { get; init; }

    public required string Purpose { get; init; }

    /// <summary>What was disclosed, e.g. "3 psychotherapy notes, 2026-09-01 to 2026-11-20".</summary>
    public required string Description { get; init; }
}
