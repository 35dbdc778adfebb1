namespace CareCoordination.Core.Consent;

/// <summary>
/// Who Part 2 information would reach: a provider (and their PPG, which a consent may name instead), or the plan itself
/// (its care managers, reports and exports), which no consent names as a provider, so only a single consent for
/// treatment, payment and health care operations covers it (42 CFR 2.33(b) of the 2024 rule).
/// </summary>
public sealed record Part2Recipient(int ProviderId, int? PpgId)
{
    /// <summary>The health plan's own staff.</summary>
    public static Part2Recipient Plan { get; } = new(0, null);

    public bool IsPlan => ProviderId == 0;
}

/// <summary>How one piece of information reaches a recipient: whether its details show, and the notice that travels with them.</summary>
public sealed record Part2Share(bool Shown, string? Notice)
{
    /// <summary>Not Part 2 information, or the program's own record: shown, and no Part 2 notice is needed.</summary>
    public static Part2Share Unrestricted { get; } = new(true, null);

    public static Part2Share Withheld { get; } = new(false, null);

    /// <summary>Shown under the member's Part 2 consent, with the 2.32 notice that must go with it.</summary>
    public bool UnderConsent => Shown && Notice is not null;
}

/// <summary>
/// The one rule for "does Part 2 information reach this recipient", composed by every path out (inbox messages, the member
/// summary and event pages, CDS cards, reports and CSV files). Information recorded by a Part 2 program (42 CFR 2.11, 2.12)
/// reaches a recipient other than the program only under a consent that covers that recipient and purpose, as the
/// <see cref="ConsentGate"/> decides it (2.31; 2.33(b)); where it does, the gate's 2.32 notice goes with it. The program's
/// own clinicians always see what the program recorded. Everything else is routine coordination and is unaffected.
/// </summary>
public sealed class Part2Sharing
{
    /// <summary>What a recipient sees instead of Part 2 details it may not have.</summary>
    public const string WithheldLine =
        "Information from a program protected by 42 CFR Part 2 is withheld until the member consents to its disclosure.";

    private Part2Sharing(Part2Recipient recipient, ConsentDecision decision)
    {
        Recipient = recipient;
        Decision = decision;
    }

    public Part2Recipient Recipient { get; }

    /// <summary>The gate's decision for Part 2 records to this recipient, made once for the member's releases.</summary>
    public ConsentDecision Decision { get; }

    /// <summary>Asks the gate once for this member's releases and recipient; <see cref="Of"/> then answers per record.</summary>
    public static Part2Sharing For(Part2Recipient recipient, IEnumerable<Release> releasesOfTheMember, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(releasesOfTheMember);
        var decision = ConsentGate.Decide(
            new DisclosureRequest(ProtectedContent.SubstanceUseDisorderRecords, recipient.ProviderId, recipient.PpgId), releasesOfTheMember, today);
        return new Part2Sharing(recipient, decision);
    }

    /// <summary>
    /// Whether a record reaches the recipient: one not from a Part 2 program always does; the program's own record reaches
    /// its author's provider; any other Part 2 record only when the gate allowed it, with the gate's notice.
    /// </summary>
    /// <param name="authorProviderId">The provider whose clinician recorded it (for an event, its <c>ProviderId</c>).</param>
    public Part2Share Of(bool isPart2Information, int? authorProviderId)
    {
        if (!isPart2Information)
        {
            return Part2Share.Unrestricted;
        }

        if (!Recipient.IsPlan && authorProviderId == Recipient.ProviderId)
        {
            return Part2Share.Unrestricted;
        }

        return Decision.Allowed ? new Part2Share(true, Decision.RedisclosureNotice) : Part2Share.Withheld;
    }

    /// <summary>The notices of the records shown under consent, once each: what a page or file must carry with them.</summary>
    public static IReadOnlyList<string> NoticesOf(IEnumerable<Part2Share> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return [.. shares.Where(s => s.UnderConsent).Select(s => s.Notice!).Distinct(StringComparer.Ordinal)];
    }
}
