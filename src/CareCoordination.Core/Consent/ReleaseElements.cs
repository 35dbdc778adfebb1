namespace CareCoordination.Core.Consent;

/// <summary>One thing a verifier checks on the scanned form, with the paragraph that requires it.</summary>
public sealed record ReleaseElement(string Code, string Text, string Citation);

/// <summary>
/// What a valid form must carry, by kind: the core elements and required statements of a HIPAA authorization
/// (45 CFR 164.508(c)(1)-(2)) or of a Part 2 consent (42 CFR 2.31(a), 2024 rule), and the signature itself. The verifier
/// attests each one against the scan; one missing element is a reason to refuse.
/// </summary>
public static class ReleaseElements
{
    public static readonly ReleaseElement Signature = new("signature",
        "The signature matches the member's, or the personal representative's, signature on file, and the form is dated.",
        "45 CFR 164.508(c)(1)(vi); 42 CFR 2.31(a)(8)-(9)");

    private static readonly ReleaseElement[] Authorization =
    [
        new("information", "It describes the information in a specific and meaningful way.", "45 CFR 164.508(c)(1)(i)"),
        new("discloser", "It names the person or class of persons authorized to disclose.", "45 CFR 164.508(c)(1)(ii)"),
        new("recipient", "It names the recipient the release on file records.", "45 CFR 164.508(c)(1)(iii)"),
        new("purpose", "It states the purpose of the disclosure.", "45 CFR 164.508(c)(1)(iv)"),
        new("expiration", "It gives an expiration date or event.", "45 CFR 164.508(c)(1)(v)"),
        new("revoke", "It states the right to revoke in writing, and how.", "45 CFR 164.508(c)(2)(i)"),
        new("conditioning", "It states that treatment, payment, enrollment or eligibility are not conditioned on signing.", "45 CFR 164.508(c)(2)(ii)"),
        new("redisclosure", "It states that information disclosed may be redisclosed and no longer protected.", "45 CFR 164.508(c)(2)(iii)"),
        new("plain-language", "It is in plain language, and a standalone form where the law requires one.", "45 CFR 164.508(b)(3), (c)(3)"),
    ];

    private static readonly ReleaseElement[] Part2Consent =
    [
        new("patient", "It names the member.", "42 CFR 2.31(a)(1)"),
        new("information", "It describes how much and what kind of SUD information may be disclosed.", "42 CFR 2.31(a)(2)"),
        new("discloser", "It names the program or person permitted to disclose.", "42 CFR 2.31(a)(3)"),
        new("recipient", "It names the recipient, or states treatment, payment and health care operations for a TPO consent.", "42 CFR 2.31(a)(4)"),
        new("purpose", "It states the purpose, or \"at the request of the patient\".", "42 CFR 2.31(a)(5)"),
        new("revoke", "It states the right to revoke in writing and its exceptions.", "42 CFR 2.31(a)(6)"),
        new("expiration", "It gives an expiration date or event (\"none\" only for a TPO consent).", "42 CFR 2.31(a)(7)"),
        new("conditioning", "It states that treatment, payment or enrollment are not conditioned on signing.", "42 CFR 2.31(a)(4)(iii), 45 CFR 164.508(c)(2)(ii)"),
        new("redisclosure", "It states the potential for redisclosure and the protections that follow the records.", "42 CFR 2.31(a)(4)(iii), 2.32"),
    ];

    /// <summary>Every element the verifier attests for a release of this kind, the signature last.</summary>
    public static IReadOnlyList<ReleaseElement> For(ReleaseKind kind) =>
        [.. kind == ReleaseKind.SubstanceUseDisorderConsent || kind == ReleaseKind.SudCounselingNotesConsent ? Part2Consent : Authorization, Signature];
}
