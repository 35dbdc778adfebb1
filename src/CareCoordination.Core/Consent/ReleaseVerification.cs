namespace CareCoordination.Core.Consent;

/// <summary>
/// Where a recorded release stands: a form put on file releases nothing until someone other than its recipient and its
/// recorder has checked it against the scanned original.
/// </summary>
public enum ReleaseVerification
{
    AwaitingVerification,
    Verified,
    Refused,
}

/// <summary>Who is about to verify a release: what decides whether they may.</summary>
/// <param name="HoldsTheNotes">A practitioner whose psychotherapy notes of this member are on file.</param>
public sealed record Verifier(string UserId, bool IsPrivacyOfficer, int? ProviderId, int? ProviderPpgId, bool HoldsTheNotes);

public static class ReleaseVerificationFacts
{
    public static string Label(this ReleaseVerification verification) => verification switch
    {
        ReleaseVerification.AwaitingVerification => "received, awaiting verification",
        ReleaseVerification.Verified => "verified",
        ReleaseVerification.Refused => "verification refused",
        _ => verification.ToString(),
    };

    /// <summary>
    /// Why this person may not verify the release, or null when they may. The privacy office verifies any release; the
    /// practitioner who holds a member's psychotherapy notes may verify an authorization for them. A person the release
    /// names as recipient, or who recorded it, never verifies it: nobody grants themselves access.
    /// </summary>
    public static string? WhyNotVerifiableBy(this Release release, Verifier verifier)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(verifier);
        if (release.Verification != ReleaseVerification.AwaitingVerification)
        {
            return $"This release is already {release.Verification.Label()}.";
        }

        if (release.RecordedByUserId == verifier.UserId)
        {
            return "You recorded this release: someone else must verify it.";
        }

        if (release.Names(verifier.ProviderId, verifier.ProviderPpgId))
        {
            return "The release names you, or your physician group, as its recipient: someone else must verify it.";
        }

        var holderOfTheNotes = release.Kind == ReleaseKind.PsychotherapyNotesAuthorization && verifier.HoldsTheNotes;
        return verifier.IsPrivacyOfficer || holderOfTheNotes
            ? null
            : "Only the privacy office, or for psychotherapy notes the practitioner who holds them, verifies a release.";
    }
}
