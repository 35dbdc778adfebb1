namespace CareCoordination.Core.Consent;

/// <summary>A member's written authorization or consent to disclose information.</summary>
public sealed class Release
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public ReleaseKind Kind { get; init; }

    public ReleasedInformation Information { get; init; }

    /// <summary>The information in the member's words, as written on the form.</summary>
    public required string InformationDescription { get; init; }

    /// <summary>The person or class of persons authorized to disclose.</summary>
    public required string AuthorizedDiscloser { get; init; }

    /// <summary>Exactly one of <see cref="RecipientProviderId"/> and <see cref="RecipientPpgId"/> is set.</summary>
    public int? RecipientProviderId { get; init; }

    public int? RecipientPpgId { get; init; }

    public required string Purpose { get; init; }

    /// <summary>42 CFR Part 2 (2024): a single consent for all future treatment, payment and health care operations uses.</summary>
    public bool CoversTreatmentPaymentAndOperations { get; init; }

    public DateOnly EffectiveOn { get; init; }

    /// <summary>The last day the release is valid, inclusive.</summary>
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>An event that ends the release instead of, or besides, a date (e.g. "end of treatment").</summary>
    public string? ExpirationEvent { get; init; }

    /// <summary>When the expiration event was recorded as having happened.</summary>
    public DateOnly? ExpirationEventOccurredOn { get; private set; }

    public DateOnly SignedOn { get; init; }

    public SignerKind SignedBy { get; init; }

    public required string SignerName { get; init; }

    /// <summary>For a personal representative: the authority they act under.</summary>
    public string? RepresentativeAuthority { get; init; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevocationNote { get; private set; }

    public ReleaseStatus StatusOn(DateOnly day)
    {
        if (RevokedAt is not null)
        {
            return ReleaseStatus.Revoked;
        }

        if (day < EffectiveOn)
        {
            return ReleaseStatus.NotYetEffective;
        }

        var pastDate = ExpiresOn is { } last && day > last;
        var eventHappened = ExpirationEventOccurredOn is { } occurred && day >= occurred;
        return pastDate || eventHappened ? ReleaseStatus.Expired : ReleaseStatus.Active;
    }

    public void Revoke(DateTime at, string note)
    {
        if (RevokedAt is not null)
        {
            throw new InvalidOperationException("This release is already revoked.");
        }

        RevokedAt = at;
        RevocationNote = note;
    }

    public void RecordExpirationEvent(DateOnly occurredOn)
    {
        if (ExpirationEvent is null)
        {
            throw new InvalidOperationException("This release has no expiration event.");
        }

        ExpirationEventOccurredOn = occurredOn;
    }
}
