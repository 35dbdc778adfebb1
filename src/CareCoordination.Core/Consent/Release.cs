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

    /// <summary>Who put the form on file; null for releases recorded before verification existed.</summary>
    public string? RecordedByUserId { get; init; }

    public DateTime? RecordedAt { get; init; }

    public ReleaseVerification Verification { get; private set; }

    public string? VerifiedByUserId { get; private set; }

    public DateTime? VerifiedAt { get; private set; }

    /// <summary>Why verification was refused, shown to whoever recorded the release.</summary>
    public string? VerificationRefusal { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// <summary>The day the member (or representative) signed the written revocation.</summary>
    public DateOnly? RevocationSignedOn { get; private set; }

    public string? RevokedByUserId { get; private set; }

    public string? RevocationNote { get; private set; }

    /// <summary>Whether the release names this provider, or this physician group, as its recipient.</summary>
    public bool Names(int? providerId, int? ppgId) =>
        (providerId is not null && RecipientProviderId == providerId) || (ppgId is not null && RecipientPpgId == ppgId);

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

    /// <summary>Verifies the release against its scanned form, when <paramref name="verifier"/> may (see <see cref="ReleaseVerificationFacts.WhyNotVerifiableBy"/>).</summary>
    public DomainChange Verify(Verifier verifier, DateTime at)
    {
        if (this.WhyNotVerifiableBy(verifier) is { } refusal)
        {
            return DomainChange.Refused(refusal);
        }

        (Verification, VerifiedByUserId, VerifiedAt) = (ReleaseVerification.Verified, verifier.UserId, at);
        return DomainChange.Ok;
    }

    /// <summary>Refuses to verify the release, with a reason its recorder will read; the release never takes effect.</summary>
    public DomainChange RefuseVerification(Verifier verifier, DateTime at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (this.WhyNotVerifiableBy(verifier) is { } refusal)
        {
            return DomainChange.Refused(refusal);
        }

        (Verification, VerifiedByUserId, VerifiedAt, VerificationRefusal) = (ReleaseVerification.Refused, verifier.UserId, at, reason);
        return DomainChange.Ok;
    }

    /// <summary>
    /// Records the member's written revocation (45 CFR 164.508(b)(5); 42 CFR 2.31(a)(6)): it takes effect at once,
    /// whatever the release's verification, and disclosures already made stay on record.
    /// </summary>
    /// <param name="signedOn">The day the member (or representative) signed the revocation.</param>
    public void Revoke(DateTime at, string note, DateOnly? signedOn = null, string? recordedByUserId = null)
    {
        if (RevokedAt is not null)
        {
            throw new InvalidOperationException("This release is already revoked.");
        }

        (RevokedAt, RevocationNote, RevocationSignedOn, RevokedByUserId) = (at, note, signedOn, recordedByUserId);
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
