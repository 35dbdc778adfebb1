using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>
/// T4: a PCP or other medical provider refers a member to behavioral health. The BH practitioner and the care manager
/// queue are told; routine referrals go through Member Services, co-occurring conditions needing specialized help
/// through BH Provider Services.
/// </summary>
[Collection(RulesCollection.Name)]
public class MedicalToBehavioralHealthReferral(RulesFixture fixture)
{
    [Theory]
    [InlineData(ProviderKind.PrimaryCarePhysician, false, ContactPath.MemberServices, "The PCP referred the member to behavioral health; for routine services the member calls the Member Services number on the back of their ID card.")]
    [InlineData(ProviderKind.PrimaryCarePhysician, true, ContactPath.BhProviderServices, "The PCP referred the member to behavioral health; co-occurring medical and behavioral conditions need specialized help, so contact Behavioral Health Provider Services.")]
    [InlineData(ProviderKind.OtherMedicalProvider, false, ContactPath.MemberServices, "A medical provider referred the member to behavioral health; for routine services")]
    [InlineData(ProviderKind.OtherMedicalProvider, true, ContactPath.BhProviderServices, "A medical provider referred the member to behavioral health; co-occurring medical and behavioral conditions")]
    public void A_medical_referral_to_behavioral_health_tells_the_bh_practitioner_and_care_managers(ProviderKind referrer, bool needsSpecializedHelp, ContactPath path, string reason)
    {
        var outcome = Assert.Single(fixture.Rules().Evaluate(new ReferralMade(referrer, ToBehavioralHealth: true, needsSpecializedHelp), Days.Friday));

        Assert.Equal("T4", outcome.RuleId);
        Assert.Equal(Priority.Routine, outcome.Priority);
        Assert.Equal(Days.NextFriday, outcome.DueOn);
        Assert.Equal(new[] { Recipient.BhPractitioner, Recipient.CareManagerQueue }, outcome.Recipients);
        Assert.Equal(path, outcome.ContactPath);
        Assert.Equal(ManualText.MedicalToBhReferral, outcome.ManualText);
        Assert.StartsWith(reason, outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, true, false)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, true, true)]
    [InlineData(ProviderKind.PrimaryCarePhysician, false, false)]
    [InlineData(ProviderKind.PrimaryCarePhysician, false, true)]
    [InlineData(ProviderKind.OtherMedicalProvider, false, false)]
    public void A_bh_to_bh_referral_or_a_referral_elsewhere_fires_nothing(ProviderKind referrer, bool toBehavioralHealth, bool needsSpecializedHelp) =>
        Assert.Empty(fixture.Rules().Evaluate(new ReferralMade(referrer, toBehavioralHealth, needsSpecializedHelp), Days.Friday));

    [Fact]
    public void A_routine_referral_on_a_monday_skips_a_plan_holiday()
    {
        var settings = RuleSettings.Default with { ServiceLevels = new ServiceLevels { Holidays = [Days.Wednesday] } };
        var outcome = Assert.Single(fixture.Rules(settings).Evaluate(new ReferralMade(ProviderKind.PrimaryCarePhysician, true, false), Days.Monday));
        Assert.Equal(new DateOnly(2026, 12, 8), outcome.DueOn);
    }
}
