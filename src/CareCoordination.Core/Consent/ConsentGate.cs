using CareCoordination.Core.Members;

namespace CareCoordination.Core.Consent;

/// <summary>What is being asked for. Only psychotherapy notes and Part 2 SUD records need the member's written permission.</summary>
public enum ProtectedContent
{
    /// <summary>Diagnoses, medications, treatment plan and dates: shareable between treating clinicians (45 CFR 164.506(c)).</summary>
    RoutineCoordination,

    /// <summary>Psychotherapy notes (45 CFR 164.501): notes analysing session content, kept apart from the record.</summary>
    PsychotherapyNotes,

    /// <summary>Records of a 42 CFR Part 2 substance use disorder program.</summary>
    SubstanceUseDisorderRecords,

    /// <summary>SUD counseling notes (42 CFR 2.11, 2024 rule): a Part 2 clinician's session notes, kept apart; their own consent only (2.31(b)).</summary>
    SudCounselingNotes,
}

/// <summary>A request to disclose <paramref name="Content"/> to a provider, who may belong to a PPG.</summary>
public sealed record DisclosureRequest(ProtectedContent Content, int RecipientProviderId, int? RecipientPpgId);

/// <summary>Why a release on file does not allow the disclosure.</summary>
public enum ReleaseProblem
{
    NoReleaseOnFile,
    NotYetEffective,
    Expired,
    Revoked,
    WrongRecipient,
    WrongScope,
    CombinedWithOtherAuthorization,
    NotSigned,
    SignerLacksAuthority,
    NoExpiration,
    NoPurpose,
    AwaitingVerification,
    VerificationRefused,
    NotUnderEmergencyAccess,
    NotAMedicalEmergency,
}

public sealed record ReleaseAssessment(Release Release, IReadOnlyList<ReleaseProblem> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>The gate's answer: allowed (and under which release, with which notice) or blocked, with every reason.</summary>
public sealed record ConsentDecision(
    bool Allowed,
    Release? AllowedUnder,
    string Basis,
    IReadOnlyList<ReleaseAssessment> Considered,
    string? RedisclosureNotice)
{
    /// <summary>Why an emergency grant could not release the content, when that was the question.</summary>
    public ReleaseProblem? EmergencyProblem { get; init; }

    /// <summary>Every distinct problem across the releases considered; <see cref="ReleaseProblem.NoReleaseOnFile"/> when there were none.</summary>
    public IReadOnlyList<ReleaseProblem> Problems => Allowed ? []
        : EmergencyProblem is { } emergency ? [emergency]
        : Considered.Count == 0 ? [ReleaseProblem.NoReleaseOnFile] : [.. Considered.SelectMany(c => c.Problems).Distinct().Order()];
}

/// <summary>
/// The consent decision, as a pure function of the request, the member's releases and today's date. The web app's
/// one release path asks this before any protected content leaves.
/// </summary>
public static class ConsentGate
{
    public static ConsentDecision Decide(DisclosureRequest request, IEnumerable<Release> releasesOnFile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(releasesOnFile);
        if (request.Content == ProtectedContent.RoutineCoordination)
        {
            return new ConsentDecision(true, null,
                "Treating clinicians may share coordination information without authorization (45 CFR 164.506(c)); discuss it with the member.",
                [], null);
        }

        var considered = releasesOnFile
            .Where(r => IsCandidate(r, request.Content))
            .OrderByDescending(r => r.SignedOn)
            .Select(r => new ReleaseAssessment(r, Assess(r, request, today)))
            .ToList();
        var valid = considered.FirstOrDefault(c => c.Valid)?.Release;
        var (refused, allowed) = request.Content switch
        {
            ProtectedContent.PsychotherapyNotes => (
                "Psychotherapy notes need a valid written authorization signed by the member (45 CFR 164.508(a)(2)).",
                "Released under the member's written psychotherapy-notes authorization (45 CFR 164.508(a)(2))."),
            ProtectedContent.SudCounselingNotes => (
                "SUD counseling notes need the member's written Part 2 consent for those notes alone (42 CFR 2.31(b)).",
                "Disclosed under the member's written consent for SUD counseling notes (42 CFR 2.31(b))."),
            _ => (
                "Part 2 SUD records need the member's written Part 2 consent (42 CFR 2.31).",
                "Disclosed under the member's written Part 2 consent (42 CFR 2.31)."),
        };
        return new ConsentDecision(valid is not null, valid, valid is null ? refused : allowed, considered, valid is null ? null : NoticeFor(request.Content, valid));
    }

    /// <summary>
    /// What an emergency grant lets go, for a clinician who sees the member only through one. Never psychotherapy notes
    /// (45 CFR 164.508(a)(2) has no emergency exception) nor SUD counseling notes; Part 2 records only to medical personnel
    /// in a bona fide medical emergency (42 CFR 2.51(a)), and only while the grant is open.
    /// </summary>
    public static ConsentDecision DecideUnderEmergency(ProtectedContent content, EmergencyAccess grant, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (content != ProtectedContent.SubstanceUseDisorderRecords)
        {
            return new ConsentDecision(false, null,
                $"Emergency access never reaches {content.Label()}: they leave only under the member's written permission, which emergency access does not replace.",
                [], null) { EmergencyProblem = ReleaseProblem.NotUnderEmergencyAccess };
        }

        return grant.OpensPart2Records && grant.IsActiveAt(now)
            ? new ConsentDecision(true, null, "Disclosed to medical personnel in a bona fide medical emergency (42 CFR 2.51).", [], RedisclosureNotices.Part2MedicalEmergency)
            : new ConsentDecision(false, null,
                "Without the member's consent, Part 2 records go only to medical personnel in a bona fide medical emergency (42 CFR 2.51), and this grant was not opened for one.",
                [], null) { EmergencyProblem = ReleaseProblem.NotAMedicalEmergency };
    }

    private static string NoticeFor(ProtectedContent content, Release release) => content == ProtectedContent.PsychotherapyNotes
        ? RedisclosureNotices.PsychotherapyNotes
        : $"{RedisclosureNotices.Part2} {RedisclosureNotices.Part2Scope(release)}";

    private static bool IsCandidate(Release release, ProtectedContent content) => content switch
    {
        ProtectedContent.PsychotherapyNotes => release.Kind == ReleaseKind.PsychotherapyNotesAuthorization || release.Information.HasFlag(ReleasedInformation.PsychotherapyNotes),
        ProtectedContent.SudCounselingNotes => release.Kind == ReleaseKind.SudCounselingNotesConsent || release.Information.HasFlag(ReleasedInformation.SudCounselingNotes),
        _ => release.Kind == ReleaseKind.SubstanceUseDisorderConsent || release.Information.HasFlag(ReleasedInformation.SubstanceUseDisorderRecords),
    };

    private static List<ReleaseProblem> Assess(Release release, DisclosureRequest request, DateOnly today)
    {
        var problems = new List<ReleaseProblem>();
        if (request.Content == ProtectedContent.PsychotherapyNotes)
        {
            // A psychotherapy-notes authorization may be combined only with another for psychotherapy notes (164.508(b)(3)(ii));
            // a release that does not cover the notes at all is wrongly scoped, not combined.
            if (!release.Information.HasFlag(ReleasedInformation.PsychotherapyNotes))
            {
                problems.Add(ReleaseProblem.WrongScope);
            }
            else if (release.Kind != ReleaseKind.PsychotherapyNotesAuthorization || release.Information != ReleasedInformation.PsychotherapyNotes)
            {
                problems.Add(ReleaseProblem.CombinedWithOtherAuthorization);
            }
        }
        else if (request.Content == ProtectedContent.SudCounselingNotes)
        {
            // Counseling notes need a consent of their own, combined only with another for counseling notes (42 CFR 2.31(b)).
            if (!release.Information.HasFlag(ReleasedInformation.SudCounselingNotes))
            {
                problems.Add(ReleaseProblem.WrongScope);
            }
            else if (release.Kind != ReleaseKind.SudCounselingNotesConsent || release.Information != ReleasedInformation.SudCounselingNotes)
            {
                problems.Add(ReleaseProblem.CombinedWithOtherAuthorization);
            }
        }
        else if (release.Kind != ReleaseKind.SubstanceUseDisorderConsent || !release.Information.HasFlag(ReleasedInformation.SubstanceUseDisorderRecords))
        {
            problems.Add(ReleaseProblem.WrongScope);
        }

        var namesRecipient = release.Names(request.RecipientProviderId, request.RecipientPpgId);
        // The 2024 rule's single consent for all future TPO uses (42 CFR 2.33(b)) covers Part 2 records, never counseling notes.
        var singleTpoConsent = request.Content == ProtectedContent.SubstanceUseDisorderRecords && release.CoversTreatmentPaymentAndOperations;
        if (!namesRecipient && !singleTpoConsent)
        {
            problems.Add(ReleaseProblem.WrongRecipient);
        }

        if (string.IsNullOrWhiteSpace(release.SignerName) || release.SignedOn > today)
        {
            problems.Add(ReleaseProblem.NotSigned);
        }

        if (release.SignedBy == SignerKind.PersonalRepresentative && string.IsNullOrWhiteSpace(release.RepresentativeAuthority))
        {
            problems.Add(ReleaseProblem.SignerLacksAuthority);
        }

        if (string.IsNullOrWhiteSpace(release.Purpose))
        {
            problems.Add(ReleaseProblem.NoPurpose);
        }

        if (release.ExpiresOn is null && string.IsNullOrWhiteSpace(release.ExpirationEvent))
        {
            problems.Add(ReleaseProblem.NoExpiration);
        }

        // A form on file releases nothing until someone other than its recipient and recorder has checked it.
        if (release.Verification == ReleaseVerification.AwaitingVerification)
        {
            problems.Add(ReleaseProblem.AwaitingVerification);
        }
        else if (release.Verification == ReleaseVerification.Refused)
        {
            problems.Add(ReleaseProblem.VerificationRefused);
        }

        switch (release.StatusOn(today))
        {
            case ReleaseStatus.NotYetEffective:
                problems.Add(ReleaseProblem.NotYetEffective);
                break;
            case ReleaseStatus.Expired:
                problems.Add(ReleaseProblem.Expired);
                break;
            case ReleaseStatus.Revoked:
                problems.Add(ReleaseProblem.Revoked);
                break;
        }

        return problems;
    }
}

public static class ReleaseProblemFacts
{
    /// <summary>What is missing, in words a clinician can act on.</summary>
    public static string Describe(this ReleaseProblem problem) => problem switch
    {
        ReleaseProblem.NoReleaseOnFile => "No signed release for this information is on file.",
        ReleaseProblem.NotYetEffective => "The release is not effective yet.",
        ReleaseProblem.Expired => "The release has expired.",
        ReleaseProblem.Revoked => "The member revoked the release.",
        ReleaseProblem.WrongRecipient => "The release names a different recipient.",
        ReleaseProblem.WrongScope => "The release does not cover this information.",
        ReleaseProblem.CombinedWithOtherAuthorization => "A psychotherapy-notes authorization must stand alone; this one is combined with other information or another authorization.",
        ReleaseProblem.NotSigned => "The release is not signed.",
        ReleaseProblem.SignerLacksAuthority => "It was signed by a representative whose authority to act for the member is not recorded.",
        ReleaseProblem.NoExpiration => "The release has no expiration date or event.",
        ReleaseProblem.NoPurpose => "The release does not state a purpose.",
        ReleaseProblem.AwaitingVerification => "The release was received but is awaiting verification against the signed form by the privacy office.",
        ReleaseProblem.NotUnderEmergencyAccess => "Emergency access never reaches this information; only the member's written permission does.",
        ReleaseProblem.NotAMedicalEmergency => "This emergency grant was not opened for a bona fide medical emergency, the only emergency in which Part 2 records go without consent (42 CFR 2.51).",
        ReleaseProblem.VerificationRefused => "The privacy office refused to verify the release; its reason is on the releases page.",
        _ => problem.ToString(),
    };
}
