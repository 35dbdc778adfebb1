using System.Globalization;

namespace CareCoordination.Core.Consent;

/// <summary>The notices that must travel with a disclosure made under the member's written permission.</summary>
public static class RedisclosureNotices
{
    /// <summary>42 CFR 2.32(a)(2), the short statement, with the scope of the consent in plain words.</summary>
    public const string Part2 =
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records. They were disclosed under the member's written consent, " +
        "for the purpose and recipient it names; a general authorization for the release of medical or other information is not enough to redisclose them.";

    /// <summary>
    /// 42 CFR 2.32(b): with each disclosure under a consent, a copy of the consent or a clear explanation of its scope.
    /// </summary>
    /// <remarks>
    /// In the form's classes and dates, not its free text: the notice travels beside other members' rows in reports and
    /// CSV files, where the form's own words (a program's name, an ending event) would say more than the scope.
    /// </remarks>
    public static string Part2Scope(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var uses = release.CoversTreatmentPaymentAndOperations
            ? "all future treatment, payment and health care operations"
            : "the purpose and the recipient it names";
        var until = (release.ExpiresOn, release.ExpirationEvent) switch
        {
            ({ } day, { }) => $"until {day:yyyy-MM-dd} or the event it names, whichever comes first",
            ({ } day, null) => $"until {day:yyyy-MM-dd}",
            (null, { }) => "until the event it names",
            _ => "with no expiration",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Scope of the consent: {release.Information.Label()}, for {uses}, signed {release.SignedOn:yyyy-MM-dd}, valid from {release.EffectiveOn:yyyy-MM-dd} {until}; the member may revoke it in writing.");
    }

    /// <summary>42 CFR 2.51 and 2.32(a): a medical-emergency disclosure carries the same prohibition on redisclosure.</summary>
    public const string Part2MedicalEmergency =
        "42 CFR part 2 prohibits unauthorized use or disclosure of these records. They were disclosed to you without the member's consent only to treat " +
        "a bona fide medical emergency (42 CFR 2.51); use them for that treatment alone and do not redisclose them.";

    public const string PsychotherapyNotes =
        "These psychotherapy notes were released under the member's written authorization (45 CFR 164.508(a)(2)) for the purpose it states. " +
        "Do not redisclose them; any further disclosure needs a new authorization signed by the member.";
}
