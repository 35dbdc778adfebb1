namespace CareCoordination.Core.Consent;

/// <summary>The notices that must travel with a disclosure made under the member's written permission.</summary>
public static class RedisclosureNotices
{
    /// <summary>42 CFR 2.32(a)(2), the short statement, with the scope of the consent in plain words.</summary>
    public const string Part2 =
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records. They were disclosed under the member's written consent, " +
        "for the purpose and recipient it names; a general authorization for the release of medical or other information is not enough to redisclose them.";

    public const string PsychotherapyNotes =
        "These psychotherapy notes were released under the member's written authorization (45 CFR 164.508(a)(2)) for the purpose it states. " +
        "Do not redisclose them; any further disclosure needs a new authorization signed by the member.";
}
