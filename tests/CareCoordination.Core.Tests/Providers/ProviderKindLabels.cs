using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Tests.Providers;

public class ProviderKindLabels
{
    [Theory]
    [InlineData(ProviderKind.PrimaryCarePhysician, "Primary care physician")]
    [InlineData(ProviderKind.OtherMedicalProvider, "Other medical provider")]
    [InlineData(ProviderKind.BehavioralHealthPractitioner, "Behavioral health practitioner")]
    public void Each_kind_reads_as_words(ProviderKind kind, string label) => Assert.Equal(label, kind.Label());

    [Fact]
    public void Every_kind_has_a_label_of_its_own_not_its_code_name()
    {
        var labels = Enum.GetValues<ProviderKind>().Select(k => k.Label()).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, label => Enum.GetNames<ProviderKind>().Contains(label));
    }
}
