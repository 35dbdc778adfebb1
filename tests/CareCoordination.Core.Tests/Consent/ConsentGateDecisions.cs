using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Consent;

/// <summary>
/// The consent gate: routine coordination needs no authorization; psychotherapy notes need a valid, stand-alone written
/// authorization; 42 CFR Part 2 SUD records need a Part 2 consent naming the recipient (or a single TPO consent). A
/// blocked request lists every reason; an allowed one names the release and carries the redisclosure notice.
/// </summary>
public class ConsentGateDecisions
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private const int Recipient = 7;
    private const int RecipientPpg = 3;

    /// <summary>A release as written on the form; the defaults are a valid psychotherapy-notes authorization for the recipient.</summary>
    public sealed record Form(
        ReleaseKind Kind = ReleaseKind.PsychotherapyNotesAuthorization,
        ReleasedInformation Information = ReleasedInformation.PsychotherapyNotes,
        int? RecipientProviderId = Recipient,
        int? RecipientPpgId = null,
        string Purpose = "Coordinate medication management with the PCP",
        bool Tpo = false,
        DateOnly? EffectiveOn = null,
        DateOnly? ExpiresOn = null,
        bool NoExpiryDate = false,
        string? ExpirationEvent = null,
        DateOnly? EventOccurredOn = null,
        DateOnly? SignedOn = null,
        SignerKind SignedBy = SignerKind.Member,
        string SignerName = "Alex Member",
        string? RepresentativeAuthority = null,
        bool Revoked = false,
        ReleaseVerification Verification = ReleaseVerification.Verified)
    {
        public Release ToRelease()
        {
            var release = new Release
            {
                MemberId = 1,
                Kind = Kind,
                Information = Information,
                InformationDescription = Information.ToString(),
                AuthorizedDiscloser = "Dr. Lowe, psychiatrist",
                RecipientProviderId = RecipientProviderId,
                RecipientPpgId = RecipientPpgId,
                Purpose = Purpose,
                CoversTreatmentPaymentAndOperations = Tpo,
                EffectiveOn = EffectiveOn ?? new DateOnly(2026, 10, 1),
                ExpiresOn = NoExpiryDate ? null : ExpiresOn ?? new DateOnly(2027, 9, 30),
                ExpirationEvent = ExpirationEvent,
                SignedOn = SignedOn ?? new DateOnly(2026, 10, 1),
                SignedBy = SignedBy,
                SignerName = SignerName,
                RepresentativeAuthority = RepresentativeAuthority,
            };
            if (EventOccurredOn is { } occurred)
            {
                release.RecordExpirationEvent(occurred);
            }

            if (Revoked)
            {
                release.Revoke(new DateTime(2026, 11, 20, 16, 30, 0, DateTimeKind.Utc), "Member revoked in writing");
            }

            var office = new Verifier("privacy-office", IsPrivacyOfficer: true, ProviderId: null, ProviderPpgId: null, HoldsTheNotes: false);
            var verifiedAt = new DateTime(2026, 10, 2, 9, 0, 0, DateTimeKind.Utc);
            _ = Verification switch
            {
                ReleaseVerification.Verified => release.Verify(office, verifiedAt),
                ReleaseVerification.Refused => release.RefuseVerification(office, verifiedAt, "The signature does not match"),
                _ => DomainChange.Ok,
            };
            return release;
        }
    }

    public sealed record AllowedCase(string Name, ProtectedContent Content, IReadOnlyList<Form> OnFile, int AllowedUnder)
    {
        public override string ToString() => Name;
    }

    public sealed record BlockedCase(string Name, ProtectedContent Content, IReadOnlyList<Form> OnFile, IReadOnlyList<ReleaseProblem> Problems)
    {
        public override string ToString() => Name;
    }

    private static readonly Form Notes = new();
    private static readonly Form Part2 = new(ReleaseKind.SubstanceUseDisorderConsent, ReleasedInformation.SubstanceUseDisorderRecords);
    private static readonly Form CounselingNotes = new(ReleaseKind.SudCounselingNotesConsent, ReleasedInformation.SudCounselingNotes);
    private static readonly Form GeneralRoi = new(ReleaseKind.GeneralReleaseOfInformation, ReleasedInformation.MedicalRecords | ReleasedInformation.MentalHealthRecords);

    private static AllowedCase NotesAllowed(string name, params Form[] onFile) => new(name, ProtectedContent.PsychotherapyNotes, onFile, 0);

    private static AllowedCase Part2Allowed(string name, params Form[] onFile) => new(name, ProtectedContent.SubstanceUseDisorderRecords, onFile, 0);

    private static BlockedCase NotesBlocked(string name, Form form, params ReleaseProblem[] problems) => new(name, ProtectedContent.PsychotherapyNotes, [form], problems);

    private static BlockedCase Part2Blocked(string name, Form form, params ReleaseProblem[] problems) => new(name, ProtectedContent.SubstanceUseDisorderRecords, [form], problems);

    public static TheoryData<AllowedCase> Allowed => new()
    {
        NotesAllowed("Psychotherapy notes under a valid authorization naming the provider", Notes),
        NotesAllowed("Authorization expiring today (the expiration date is inclusive)", Notes with { ExpiresOn = Today }),
        NotesAllowed("Authorization effective today", Notes with { EffectiveOn = Today, SignedOn = Today }),
        NotesAllowed("Recipient named through the PPG", Notes with { RecipientProviderId = null, RecipientPpgId = RecipientPpg }),
        NotesAllowed("Signed by a personal representative with recorded authority", Notes with { SignedBy = SignerKind.PersonalRepresentative, SignerName = "Pat Parent", RepresentativeAuthority = "Parent of a minor" }),
        NotesAllowed("Expiration event instead of a date, not yet happened", Notes with { NoExpiryDate = true, ExpirationEvent = "End of treatment with Dr. Lowe" }),
        NotesAllowed("Expiration event recorded for a later day", Notes with { ExpirationEvent = "End of treatment", EventOccurredOn = Today.AddDays(1) }),
        new("One valid authorization among several invalid ones", ProtectedContent.PsychotherapyNotes,
            [Notes with { ExpiresOn = Today.AddDays(-1), SignedOn = new DateOnly(2025, 1, 1), EffectiveOn = new DateOnly(2025, 1, 1) },
             Notes with { Revoked = true, SignedOn = new DateOnly(2026, 11, 1) },
             Notes with { RecipientProviderId = 99, SignedOn = new DateOnly(2026, 11, 2) },
             Notes with { SignedOn = new DateOnly(2026, 6, 1), EffectiveOn = new DateOnly(2026, 6, 1) }], 3),
        new("A newer invalid authorization does not hide an older valid one", ProtectedContent.PsychotherapyNotes,
            [Notes with { SignedOn = new DateOnly(2026, 3, 1), EffectiveOn = new DateOnly(2026, 3, 1) }, Notes with { SignedOn = new DateOnly(2026, 11, 26), Purpose = "" }], 0),
        Part2Allowed("Part 2 consent naming the recipient", Part2),
        Part2Allowed("Part 2 consent naming the recipient's PPG", Part2 with { RecipientProviderId = null, RecipientPpgId = RecipientPpg }),
        Part2Allowed("Single TPO consent, recipient not named", Part2 with { RecipientProviderId = 99, Tpo = true }),
        Part2Allowed("Part 2 consent that also covers mental health records", Part2 with { Information = ReleasedInformation.SubstanceUseDisorderRecords | ReleasedInformation.MentalHealthRecords }),
        new("Part 2 consent beside a general ROI", ProtectedContent.SubstanceUseDisorderRecords, [GeneralRoi with { Information = ReleasedInformation.SubstanceUseDisorderRecords }, Part2], 1),
        new("SUD counseling notes under their own consent naming the recipient", ProtectedContent.SudCounselingNotes, [CounselingNotes], 0),
    };

    public static TheoryData<BlockedCase> Blocked => new()
    {
        new("Psychotherapy notes with no release on file", ProtectedContent.PsychotherapyNotes, [], [ReleaseProblem.NoReleaseOnFile]),
        new("Psychotherapy notes with only a Part 2 consent on file", ProtectedContent.PsychotherapyNotes, [Part2], [ReleaseProblem.NoReleaseOnFile]),
        new("Psychotherapy notes with only a general ROI that does not name them", ProtectedContent.PsychotherapyNotes, [GeneralRoi], [ReleaseProblem.NoReleaseOnFile]),
        NotesBlocked("Expired yesterday", Notes with { ExpiresOn = Today.AddDays(-1) }, ReleaseProblem.Expired),
        NotesBlocked("Revoked", Notes with { Revoked = true }, ReleaseProblem.Revoked),
        NotesBlocked("Not yet effective", Notes with { EffectiveOn = Today.AddDays(3) }, ReleaseProblem.NotYetEffective),
        NotesBlocked("Names a different provider", Notes with { RecipientProviderId = 99 }, ReleaseProblem.WrongRecipient),
        NotesBlocked("Names a different PPG", Notes with { RecipientProviderId = null, RecipientPpgId = 42 }, ReleaseProblem.WrongRecipient),
        NotesBlocked("Combined with other information", Notes with { Information = ReleasedInformation.PsychotherapyNotes | ReleasedInformation.MentalHealthRecords },
            ReleaseProblem.CombinedWithOtherAuthorization),
        NotesBlocked("General ROI that includes psychotherapy notes", GeneralRoi with { Information = ReleasedInformation.PsychotherapyNotes | ReleasedInformation.MedicalRecords },
            ReleaseProblem.CombinedWithOtherAuthorization),
        NotesBlocked("Part 2 consent that also names psychotherapy notes", Part2 with { Information = ReleasedInformation.PsychotherapyNotes | ReleasedInformation.SubstanceUseDisorderRecords },
            ReleaseProblem.CombinedWithOtherAuthorization),
        NotesBlocked("Psychotherapy-notes form that covers only mental health records", Notes with { Information = ReleasedInformation.MentalHealthRecords }, ReleaseProblem.WrongScope),
        NotesBlocked("Unsigned (no signer name)", Notes with { SignerName = " " }, ReleaseProblem.NotSigned),
        NotesBlocked("Signed on a future date", Notes with { SignedOn = Today.AddDays(1) }, ReleaseProblem.NotSigned),
        NotesBlocked("Representative without recorded authority", Notes with { SignedBy = SignerKind.PersonalRepresentative, SignerName = "Pat Parent" }, ReleaseProblem.SignerLacksAuthority),
        NotesBlocked("No expiration date or event", Notes with { NoExpiryDate = true }, ReleaseProblem.NoExpiration),
        NotesBlocked("Expiration event has happened", Notes with { NoExpiryDate = true, ExpirationEvent = "End of treatment", EventOccurredOn = Today.AddDays(-2) }, ReleaseProblem.Expired),
        NotesBlocked("Expiration event happens today", Notes with { ExpirationEvent = "End of treatment", EventOccurredOn = Today }, ReleaseProblem.Expired),
        NotesBlocked("No purpose", Notes with { Purpose = "" }, ReleaseProblem.NoPurpose),
        NotesBlocked("Several problems on one release are all listed", Notes with { ExpiresOn = Today.AddDays(-30), RecipientProviderId = 99, SignerName = "" },
            ReleaseProblem.Expired, ReleaseProblem.WrongRecipient, ReleaseProblem.NotSigned),
        new("Problems across several releases are all listed, once each", ProtectedContent.PsychotherapyNotes,
            [Notes with { Revoked = true, RecipientProviderId = 99 }, Notes with { ExpiresOn = Today.AddDays(-1) }, Notes with { RecipientProviderId = 98, NoExpiryDate = true }],
            [ReleaseProblem.Expired, ReleaseProblem.Revoked, ReleaseProblem.WrongRecipient, ReleaseProblem.NoExpiration]),
        new("Part 2 records with no release on file", ProtectedContent.SubstanceUseDisorderRecords, [], [ReleaseProblem.NoReleaseOnFile]),
        new("Part 2 records with only a psychotherapy-notes authorization", ProtectedContent.SubstanceUseDisorderRecords, [Notes], [ReleaseProblem.NoReleaseOnFile]),
        Part2Blocked("Part 2 consent expired", Part2 with { ExpiresOn = Today.AddDays(-1) }, ReleaseProblem.Expired),
        Part2Blocked("Part 2 consent revoked", Part2 with { Revoked = true }, ReleaseProblem.Revoked),
        Part2Blocked("Part 2 consent not naming the recipient, not a TPO consent", Part2 with { RecipientProviderId = 99 }, ReleaseProblem.WrongRecipient),
        Part2Blocked("Part 2 records with a general ROI only", GeneralRoi with { Information = ReleasedInformation.MedicalRecords | ReleasedInformation.SubstanceUseDisorderRecords },
            ReleaseProblem.WrongScope),
        Part2Blocked("Part 2 consent form that does not cover SUD records", Part2 with { Information = ReleasedInformation.MentalHealthRecords }, ReleaseProblem.WrongScope),
        Part2Blocked("TPO consent expired", Part2 with { RecipientProviderId = 99, Tpo = true, ExpiresOn = Today.AddDays(-1) }, ReleaseProblem.Expired),
        Part2Blocked("Part 2 consent with no expiration", Part2 with { NoExpiryDate = true }, ReleaseProblem.NoExpiration),
        Part2Blocked("Part 2 consent not yet effective", Part2 with { EffectiveOn = Today.AddDays(1) }, ReleaseProblem.NotYetEffective),
        Part2Blocked("Part 2 consent unsigned", Part2 with { SignerName = "" }, ReleaseProblem.NotSigned),
        NotesBlocked("Received, awaiting verification", Notes with { Verification = ReleaseVerification.AwaitingVerification }, ReleaseProblem.AwaitingVerification),
        NotesBlocked("Verification refused", Notes with { Verification = ReleaseVerification.Refused }, ReleaseProblem.VerificationRefused),
        Part2Blocked("Part 2 consent awaiting verification", Part2 with { Verification = ReleaseVerification.AwaitingVerification }, ReleaseProblem.AwaitingVerification),
        Part2Blocked("TPO consent whose verification was refused", Part2 with { RecipientProviderId = 99, Tpo = true, Verification = ReleaseVerification.Refused },
            ReleaseProblem.VerificationRefused),
        new("SUD counseling notes under a TPO consent for Part 2 records", ProtectedContent.SudCounselingNotes, [Part2 with { Tpo = true }], [ReleaseProblem.NoReleaseOnFile]),
        new("SUD counseling notes under a Part 2 consent that also names them", ProtectedContent.SudCounselingNotes,
            [Part2 with { Information = ReleasedInformation.SubstanceUseDisorderRecords | ReleasedInformation.SudCounselingNotes }], [ReleaseProblem.CombinedWithOtherAuthorization]),
        new("SUD counseling notes consent naming someone else", ProtectedContent.SudCounselingNotes, [CounselingNotes with { RecipientProviderId = 99 }], [ReleaseProblem.WrongRecipient]),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Routine_coordination_information_needs_no_authorization(bool revokedReleaseOnFile)
    {
        Form[] onFile = revokedReleaseOnFile ? [Notes with { Revoked = true }] : [];

        var decision = ConsentGate.Decide(new DisclosureRequest(ProtectedContent.RoutineCoordination, Recipient, RecipientPpg), onFile.Select(f => f.ToRelease()), Today);

        Assert.True(decision.Allowed);
        Assert.Null(decision.AllowedUnder);
        Assert.Null(decision.RedisclosureNotice);
        Assert.Empty(decision.Problems);
        Assert.Empty(decision.Considered);
        Assert.Contains("45 CFR 164.506(c)", decision.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_valid_release_allows_the_disclosure_with_its_redisclosure_notice(AllowedCase c)
    {
        var releases = c.OnFile.Select(f => f.ToRelease()).ToList();

        var decision = ConsentGate.Decide(new DisclosureRequest(c.Content, Recipient, RecipientPpg), releases, Today);

        Assert.True(decision.Allowed);
        Assert.Same(releases[c.AllowedUnder], decision.AllowedUnder);
        Assert.Empty(decision.Problems);
        if (c.Content == ProtectedContent.PsychotherapyNotes)
        {
            Assert.Equal(RedisclosureNotices.PsychotherapyNotes, decision.RedisclosureNotice);
            Assert.Contains("45 CFR 164.508(a)(2)", decision.Basis, StringComparison.Ordinal);
        }
        else
        {
            // 42 CFR 2.32(b): the statement, then the scope of the consent it went under.
            Assert.StartsWith($"{RedisclosureNotices.Part2} Scope of the consent: {releases[c.AllowedUnder].Information.Label()}", decision.RedisclosureNotice, StringComparison.Ordinal);
            Assert.Contains(releases[c.AllowedUnder].CoversTreatmentPaymentAndOperations ? "all future treatment, payment and health care operations" : "the purpose and the recipient it names",
                decision.RedisclosureNotice, StringComparison.Ordinal);
            Assert.StartsWith("42 CFR part 2 prohibits unauthorized use or disclosure of these records.", decision.RedisclosureNotice, StringComparison.Ordinal);
            Assert.Contains("42 CFR 2.31", decision.Basis, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Blocked))]
    public void A_blocked_disclosure_lists_every_reason(BlockedCase c)
    {
        var decision = ConsentGate.Decide(new DisclosureRequest(c.Content, Recipient, RecipientPpg), c.OnFile.Select(f => f.ToRelease()), Today);

        Assert.False(decision.Allowed);
        Assert.Null(decision.AllowedUnder);
        Assert.Null(decision.RedisclosureNotice);
        Assert.Equal(c.Problems, decision.Problems);
        Assert.All(decision.Considered, assessment => Assert.False(assessment.Valid));
        Assert.Contains(c.Content == ProtectedContent.PsychotherapyNotes ? "need a valid written authorization" : "need the member's written Part 2 consent",
            decision.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_release_considered_carries_its_own_problems_newest_first()
    {
        var older = (Notes with { SignedOn = new DateOnly(2026, 2, 1), EffectiveOn = new DateOnly(2026, 2, 1), ExpiresOn = new DateOnly(2026, 8, 1) }).ToRelease();
        var newer = (Notes with { SignedOn = new DateOnly(2026, 11, 1), RecipientProviderId = 99 }).ToRelease();
        var ignored = Part2.ToRelease();

        var decision = ConsentGate.Decide(new DisclosureRequest(ProtectedContent.PsychotherapyNotes, Recipient, RecipientPpg), [older, ignored, newer], Today);

        Assert.Collection(decision.Considered,
            first =>
            {
                Assert.Same(newer, first.Release);
                Assert.Equal(new[] { ReleaseProblem.WrongRecipient }, first.Problems);
            },
            second =>
            {
                Assert.Same(older, second.Release);
                Assert.Equal(new[] { ReleaseProblem.Expired }, second.Problems);
            });
    }

    [Fact]
    public void Every_problem_is_described_in_words_a_clinician_can_act_on()
    {
        var descriptions = Enum.GetValues<ReleaseProblem>().Select(p => p.Describe()).ToList();
        Assert.All(descriptions, d => Assert.EndsWith(".", d, StringComparison.Ordinal));
        Assert.Equal(descriptions.Count, descriptions.Distinct().Count());
    }
}
