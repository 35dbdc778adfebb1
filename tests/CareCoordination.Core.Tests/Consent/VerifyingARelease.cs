using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Consent;

/// <summary>
/// Nobody grants themselves access: a release is verified by the privacy office, or for psychotherapy notes by the
/// practitioner who holds them, and never by its recorder or by anyone it names as recipient.
/// </summary>
public class VerifyingARelease
{
    private const int Recipient = 7;
    private const int RecipientPpg = 3;
    private static readonly DateTime At = new(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc);

    public sealed record VerifierCase(string Name, ReleaseKind Kind, string RecordedBy, Verifier Verifier, string? Refusal)
    {
        public override string ToString() => Name;
    }

    private static Verifier Office(string id = "office") => new(id, IsPrivacyOfficer: true, ProviderId: null, ProviderPpgId: null, HoldsTheNotes: false);

    private static Verifier Clinician(string id, int providerId, int? ppg = null, bool holdsTheNotes = false) => new(id, false, providerId, ppg, holdsTheNotes);

    public static TheoryData<VerifierCase> Cases => new()
    {
        new("The privacy office verifies what a clinician recorded", ReleaseKind.PsychotherapyNotesAuthorization, "pcp", Office(), null),
        new("The privacy office verifies a Part 2 consent", ReleaseKind.SubstanceUseDisorderConsent, "care-manager", Office(), null),
        new("The therapist holding the notes verifies their authorization", ReleaseKind.PsychotherapyNotesAuthorization, "pcp", Clinician("therapist", 20, holdsTheNotes: true), null),
        new("The recipient never verifies what he recorded", ReleaseKind.PsychotherapyNotesAuthorization, "pcp", Clinician("pcp", Recipient),
            "You recorded this release: someone else must verify it."),
        new("A privacy officer never verifies what she recorded", ReleaseKind.SubstanceUseDisorderConsent, "office", Office(),
            "You recorded this release: someone else must verify it."),
        new("The named recipient never verifies, even holding notes", ReleaseKind.PsychotherapyNotesAuthorization, "care-manager", Clinician("pcp", Recipient, holdsTheNotes: true),
            "The release names you, or your physician group, as its recipient: someone else must verify it."),
        new("A clinician of the named group never verifies", ReleaseKind.PsychotherapyNotesAuthorization, "care-manager", Clinician("colleague", 30, RecipientPpg, holdsTheNotes: true),
            "The release names you, or your physician group, as its recipient: someone else must verify it."),
        new("A clinician who does not hold the notes may not verify", ReleaseKind.PsychotherapyNotesAuthorization, "pcp", Clinician("other", 40),
            "Only the privacy office, or for psychotherapy notes the practitioner who holds them, verifies a release."),
        new("The holder of psychotherapy notes does not verify a Part 2 consent", ReleaseKind.SubstanceUseDisorderConsent, "pcp", Clinician("therapist", 20, holdsTheNotes: true),
            "Only the privacy office, or for psychotherapy notes the practitioner who holds them, verifies a release."),
    };

    private static Release Received(ReleaseKind kind, string recordedBy, int? recipientPpg = null) => new()
    {
        MemberId = 1,
        Kind = kind,
        Information = kind == ReleaseKind.PsychotherapyNotesAuthorization ? ReleasedInformation.PsychotherapyNotes : ReleasedInformation.SubstanceUseDisorderRecords,
        InformationDescription = "As on the form",
        AuthorizedDiscloser = "Dr. Lowe",
        RecipientProviderId = recipientPpg is null ? Recipient : null,
        RecipientPpgId = recipientPpg,
        Purpose = "Coordination",
        EffectiveOn = new DateOnly(2026, 10, 1),
        ExpiresOn = new DateOnly(2027, 9, 30),
        SignedOn = new DateOnly(2026, 10, 1),
        SignerName = "Alex Member",
        RecordedByUserId = recordedBy,
        RecordedAt = At.AddDays(-1),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Who_may_verify(VerifierCase c)
    {
        var release = Received(c.Kind, c.RecordedBy, c.Name.Contains("group", StringComparison.Ordinal) ? RecipientPpg : null);

        var change = release.Verify(c.Verifier, At);

        Assert.Equal(c.Refusal, change.Refusal);
        Assert.Equal(c.Refusal is null, change.Done);
        Assert.Equal(c.Refusal is null ? ReleaseVerification.Verified : ReleaseVerification.AwaitingVerification, release.Verification);
        Assert.Equal(c.Refusal is null ? c.Verifier.UserId : null, release.VerifiedByUserId);
    }

    [Fact]
    public void A_refusal_carries_its_reason_and_the_release_never_takes_effect()
    {
        var release = Received(ReleaseKind.PsychotherapyNotesAuthorization, "pcp");

        Assert.True(release.RefuseVerification(Office(), At, "The signature does not match").Done);

        Assert.Equal(ReleaseVerification.Refused, release.Verification);
        Assert.Equal("The signature does not match", release.VerificationRefusal);
        Assert.Equal("This release is already verification refused.", release.Verify(Office("another"), At).Refusal);
        var decision = ConsentGate.Decide(new DisclosureRequest(ProtectedContent.PsychotherapyNotes, Recipient, null), [release], new DateOnly(2026, 11, 27));
        Assert.Equal([ReleaseProblem.VerificationRefused], decision.Problems);
    }

    [Fact]
    public void Every_kind_lists_its_elements_each_with_its_citation_and_the_signature_last()
    {
        foreach (var kind in Enum.GetValues<ReleaseKind>())
        {
            var elements = ReleaseElements.For(kind);
            Assert.Equal(ReleaseElements.Signature, elements[^1]);
            Assert.All(elements, e => Assert.Matches(@"^(45 CFR 164\.508|42 CFR 2\.)", e.Citation));
            Assert.Equal(elements.Count, elements.Select(e => e.Code).Distinct().Count());
            Assert.Contains(elements, e => e.Code == "revoke");
            Assert.Contains(elements, e => e.Code == "redisclosure");
        }
    }
}
