using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Tests.Providers;

public class ProviderProfileConsistency
{
    private static Provider Make(ProviderKind kind, BhDiscipline? discipline, bool prescribes) => new()
    {
        Npi = Npi.Parse("1234567893"),
        GivenName = "Test",
        FamilyName = "Provider",
        Kind = kind,
        Discipline = discipline,
        CanPrescribe = prescribes,
    };

    [Theory]
    [InlineData(ProviderKind.PrimaryCarePhysician, null, true)]
    [InlineData(ProviderKind.OtherMedicalProvider, null, false)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.Psychiatrist, true)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.PsychiatricNursePractitioner, true)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.Psychologist, true)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.ClinicalSocialWorker, false)]
    public void Consistent_profiles_have_no_problems(ProviderKind kind, BhDiscipline? discipline, bool prescribes) =>
        Assert.Empty(Make(kind, discipline, prescribes).ProfileProblems());

    [Fact]
    public void A_bh_practitioner_needs_a_discipline() =>
        Assert.Contains("needs a discipline", Assert.Single(Make(ProviderKind.BehavioralHealthPractitioner, null, false).ProfileProblems()), StringComparison.Ordinal);

    [Fact]
    public void A_pcp_has_no_bh_discipline() =>
        Assert.Single(Make(ProviderKind.PrimaryCarePhysician, BhDiscipline.Psychiatrist, true).ProfileProblems());

    [Theory]
    [InlineData(BhDiscipline.ClinicalSocialWorker)]
    [InlineData(BhDiscipline.MarriageAndFamilyTherapist)]
    [InlineData(BhDiscipline.ProfessionalCounselor)]
    [InlineData(BhDiscipline.AddictionCounselor)]
    public void Therapists_and_counselors_cannot_prescribe(BhDiscipline discipline) =>
        Assert.Contains("cannot hold prescriptive authority", Assert.Single(Make(ProviderKind.BehavioralHealthPractitioner, discipline, true).ProfileProblems()), StringComparison.Ordinal);

    [Theory]
    [InlineData(ProviderKind.PrimaryCarePhysician, null, true)]
    [InlineData(ProviderKind.PrimaryCarePhysician, BhDiscipline.Psychiatrist, true)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, null, false)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.ProfessionalCounselor, true)]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.Psychiatrist, true)]
    public void The_check_before_there_is_a_provider_says_the_same(ProviderKind kind, BhDiscipline? discipline, bool prescribes) =>
        Assert.Equal(Make(kind, discipline, prescribes).ProfileProblems(), Provider.ProfileProblems(kind, discipline, prescribes));

    [Fact]
    public void Display_name_carries_credentials_when_known()
    {
        var provider = Make(ProviderKind.PrimaryCarePhysician, null, true);
        Assert.Equal("Test Provider", provider.DisplayName);
        provider.Credentials = "MD";
        Assert.Equal("Test Provider, MD", provider.DisplayName);
    }
}
