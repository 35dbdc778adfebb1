using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Consent;

/// <summary>
/// Whether Part 2 information reaches a recipient: what a Part 2 program did not record always does; the program's own
/// clinicians always see what it recorded; anyone else only under a consent that covers them (the plan itself only under
/// a single consent for treatment, payment and operations, 42 CFR 2.33(b)), and then with the gate's 2.32 notice.
/// </summary>
public class Part2InformationReachingARecipient
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private const int Program = 8;
    private const int Pcp = 1;
    private const int PcpPpg = 3;
    private const int OtherPcp = 2;

    public enum Consent
    {
        None,
        NamingThePcp,
        NamingThePcpsPpg,
        ForTreatmentPaymentAndOperations,
        TpoButRevoked,
        TpoButExpired,
        GeneralReleaseOnly,
    }

    public static TheoryData<Consent, string, bool, bool> Cases => new()
    {
        // consent on file, recipient, Part 2 information?, shown?
        { Consent.None, "pcp", false, true },
        { Consent.None, "plan", false, true },
        { Consent.None, "program", true, true },
        { Consent.None, "pcp", true, false },
        { Consent.None, "plan", true, false },
        { Consent.NamingThePcp, "pcp", true, true },
        { Consent.NamingThePcp, "other pcp", true, false },
        { Consent.NamingThePcp, "plan", true, false },
        { Consent.NamingThePcpsPpg, "pcp", true, true },
        { Consent.NamingThePcpsPpg, "plan", true, false },
        { Consent.ForTreatmentPaymentAndOperations, "pcp", true, true },
        { Consent.ForTreatmentPaymentAndOperations, "other pcp", true, true },
        { Consent.ForTreatmentPaymentAndOperations, "plan", true, true },
        { Consent.TpoButRevoked, "plan", true, false },
        { Consent.TpoButRevoked, "program", true, true },
        { Consent.TpoButExpired, "pcp", true, false },
        { Consent.GeneralReleaseOnly, "pcp", true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Part2_information_reaches_a_recipient_only_under_a_covering_consent(Consent consent, string recipient, bool part2, bool shown)
    {
        var sharing = Part2Sharing.For(RecipientNamed(recipient), ReleasesFor(consent), Today);

        var share = sharing.Of(part2, authorProviderId: Program);

        Assert.Equal(shown, share.Shown);
        // The notice goes with Part 2 information shown under consent, and only then: the program's own view needs none.
        var underConsent = shown && part2 && recipient != "program";
        Assert.Equal(underConsent, share.UnderConsent);
        Assert.Equal(underConsent ? sharing.Decision.RedisclosureNotice : null, share.Notice);
        if (underConsent)
        {
            Assert.False(string.IsNullOrWhiteSpace(share.Notice));
        }
    }

    [Fact]
    public void The_plan_is_never_the_program_even_for_an_event_without_a_provider()
    {
        var sharing = Part2Sharing.For(Part2Recipient.Plan, [], Today);

        Assert.False(sharing.Of(true, authorProviderId: null).Shown);
        Assert.False(sharing.Of(true, authorProviderId: 0).Shown);
        Assert.True(sharing.Of(false, authorProviderId: null).Shown);
    }

    [Fact]
    public void A_page_carries_each_notice_once_and_none_for_what_was_not_under_consent()
    {
        var consented = Part2Sharing.For(Part2Recipient.Plan, ReleasesFor(Consent.ForTreatmentPaymentAndOperations), Today);
        var notConsented = Part2Sharing.For(Part2Recipient.Plan, [], Today);

        var notices = Part2Sharing.NoticesOf([consented.Of(true, Program), consented.Of(true, Program), consented.Of(false, Program), notConsented.Of(true, Program)]);

        Assert.Equal([consented.Decision.RedisclosureNotice!], notices);
        Assert.Empty(Part2Sharing.NoticesOf([notConsented.Of(true, Program), Part2Share.Unrestricted]));
    }

    [Fact]
    public void The_withheld_line_names_the_regulation_and_nothing_clinical()
    {
        Assert.Contains("42 CFR Part 2", Part2Sharing.WithheldLine, StringComparison.Ordinal);
        Assert.Contains("consents", Part2Sharing.WithheldLine, StringComparison.Ordinal);
    }

    private static Part2Recipient RecipientNamed(string name) => name switch
    {
        "pcp" => new Part2Recipient(Pcp, PcpPpg),
        "other pcp" => new Part2Recipient(OtherPcp, null),
        "program" => new Part2Recipient(Program, null),
        _ => Part2Recipient.Plan,
    };

    /// <summary>The member's releases for each case; every one otherwise complete (signed, with purpose and expiry).</summary>
    private static List<Release> ReleasesFor(Consent consent)
    {
        // Each consent on file has been verified by the privacy office, as one must be before it releases anything.
        Release Part2(int? provider = null, int? ppg = null, bool tpo = false, DateOnly? expires = null, ReleaseKind kind = ReleaseKind.SubstanceUseDisorderConsent,
            ReleasedInformation information = ReleasedInformation.SubstanceUseDisorderRecords) => Verified(new()
        {
            MemberId = 1,
            Kind = kind,
            Information = information,
            InformationDescription = "Opioid treatment program records",
            AuthorizedDiscloser = "The opioid treatment program",
            RecipientProviderId = provider,
            RecipientPpgId = ppg,
            Purpose = "Treatment, payment and health care operations",
            CoversTreatmentPaymentAndOperations = tpo,
            EffectiveOn = new DateOnly(2026, 10, 1),
            ExpiresOn = expires ?? new DateOnly(2027, 9, 30),
            SignedOn = new DateOnly(2026, 10, 1),
            SignedBy = SignerKind.Member,
            SignerName = "Alex Member",
        });

        switch (consent)
        {
            case Consent.NamingThePcp:
                return [Part2(provider: Pcp)];
            case Consent.NamingThePcpsPpg:
                return [Part2(ppg: PcpPpg)];
            case Consent.ForTreatmentPaymentAndOperations:
                return [Part2(ppg: 99, tpo: true)];
            case Consent.TpoButRevoked:
                var revoked = Part2(ppg: 99, tpo: true);
                revoked.Revoke(new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), "Revoked in writing");
                return [revoked];
            case Consent.TpoButExpired:
                return [Part2(ppg: 99, tpo: true, expires: new DateOnly(2026, 11, 26))];
            case Consent.GeneralReleaseOnly:
                return [Part2(provider: Pcp, kind: ReleaseKind.GeneralReleaseOfInformation, information: ReleasedInformation.MedicalRecords | ReleasedInformation.MentalHealthRecords)];
            default:
                return [];
        }
    }

    private static Release Verified(Release release)
    {
        release.Verify(new Verifier("privacy-office", IsPrivacyOfficer: true, ProviderId: null, ProviderPpgId: null, HoldsTheNotes: false), new DateTime(2026, 10, 2, 9, 0, 0, DateTimeKind.Utc));
        return release;
    }
}
