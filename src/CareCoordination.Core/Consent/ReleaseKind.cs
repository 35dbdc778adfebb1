namespace CareCoordination.Core.Consent;

public enum ReleaseKind
{
    /// <summary>HIPAA authorization for psychotherapy notes (45 CFR 164.508(a)(2)); may not be combined with any other.</summary>
    PsychotherapyNotesAuthorization,

    /// <summary>42 CFR Part 2 consent to disclose substance use disorder treatment records.</summary>
    SubstanceUseDisorderConsent,

    /// <summary>A general release of information.</summary>
    GeneralReleaseOfInformation,

    /// <summary>42 CFR Part 2 consent for SUD counseling notes alone (2.31(b), 2024 rule).</summary>
    SudCounselingNotesConsent,
}

public static class ReleaseKindFacts
{
    public static string Label(this ReleaseKind kind) => kind switch
    {
        ReleaseKind.PsychotherapyNotesAuthorization => "Psychotherapy notes authorization",
        ReleaseKind.SubstanceUseDisorderConsent => "42 CFR Part 2 SUD consent",
        ReleaseKind.GeneralReleaseOfInformation => "General release of information",
        ReleaseKind.SudCounselingNotesConsent => "SUD counseling notes consent",
        _ => kind.ToString(),
    };
}
