using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Rules;

/// <summary>
/// T4: a PCP or other medical provider refers a member to a BH practitioner. Routine referrals go through Member
/// Services (the number on the member's ID card); co-occurring conditions needing specialized help go to BH Provider Services.
/// </summary>
internal static class ReferralRule
{
    public static void Apply(ReferralMade referral, RuleContext context)
    {
        if (referral.RecordedBy == ProviderKind.BehavioralHealthPractitioner || !referral.ToBehavioralHealth)
        {
            return;
        }

        var who = referral.RecordedBy == ProviderKind.PrimaryCarePhysician ? "The PCP" : "A medical provider";
        var (path, how) = referral.NeedsSpecializedHelp
            ? (ContactPath.BhProviderServices, "co-occurring medical and behavioral conditions need specialized help, so contact Behavioral Health Provider Services")
            : (ContactPath.MemberServices, "for routine services the member calls the Member Services number on the back of their ID card");
        context.Fire(CoordinationTrigger.MedicalToBhReferral, Priority.Routine, $"{who} referred the member to behavioral health; {how}.",
            ManualText.MedicalToBhReferral, path);
    }
}
