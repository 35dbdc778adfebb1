using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using static CareCoordination.Core.Tests.Rules.NewMemberComorbidityOrChangeInCondition;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>
/// BH-MEDICAL-FINDING: after the initial assessment, a BH practitioner discovers a medical condition (a new non-F
/// diagnosis for an established member) and coordinates with the PCP. Medical conditions reported at intake are T2.
/// </summary>
[Collection(RulesCollection.Name)]
public class BhDiscoveryOfAMedicalCondition(RulesFixture fixture)
{
    public sealed record FindingCase(string Name, DiagnosesRecorded Recorded, IReadOnlyList<string> RuleIds, string Named)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<FindingCase> Discoveries => new()
    {
        new("New diabetes with its description", Established(Dx("E11.9", DiagnosisChange.New, "Type 2 diabetes mellitus without complications")),
            ["BH-MEDICAL-FINDING"], "After the initial assessment, a medical condition was found: E11.9 Type 2 diabetes mellitus without complications."),
        new("New hypothyroidism without a description", Established(Dx("E03.9", DiagnosisChange.New)), ["BH-MEDICAL-FINDING"], "a medical condition was found: E03.9."),
        new("New acute medical condition is still a discovery", Established(Dx("R00.2", DiagnosisChange.New, "Palpitations")), ["BH-MEDICAL-FINDING"], "R00.2 Palpitations"),
        new("Two new medical conditions", Established(Dx("I10", DiagnosisChange.New, "Essential hypertension"), Dx("E78.5", DiagnosisChange.New, "Hyperlipidemia")),
            ["BH-MEDICAL-FINDING"], "I10 Essential hypertension, E78.5 Hyperlipidemia."),
        new("New medical condition with a new mental diagnosis fires both", Established(Dx("F32.1", DiagnosisChange.New), Dx("E11.9", DiagnosisChange.New, "Type 2 diabetes")),
            ["T2", "BH-MEDICAL-FINDING"], "E11.9 Type 2 diabetes"),
        new("New medical condition beside an unchanged one names only the new", Established(Dx("I10"), Dx("N18.3", DiagnosisChange.New, "Chronic kidney disease, stage 3")),
            ["BH-MEDICAL-FINDING"], "a medical condition was found: N18.3 Chronic kidney disease, stage 3."),
    };

    [Theory]
    [MemberData(nameof(Discoveries))]
    public void A_bh_practitioner_discovering_a_medical_condition_coordinates_with_the_pcp(FindingCase c)
    {
        var outcomes = fixture.Rules().Evaluate(c.Recorded, Days.Friday);

        Assert.Equal(c.RuleIds, outcomes.Select(o => o.RuleId));
        var finding = Assert.Single(outcomes, o => o.Trigger == CoordinationTrigger.BhMedicalFinding);
        Assert.Equal(Priority.Routine, finding.Priority);
        Assert.Equal(Days.NextFriday, finding.DueOn);
        Assert.Equal(new[] { Recipient.Pcp }, finding.Recipients);
        Assert.Equal(ContactPath.PcpOffice, finding.ContactPath);
        Assert.Equal(ManualText.BhMedicalFinding, finding.ManualText);
        Assert.Contains(c.Named, finding.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_medical_condition_reported_at_intake_is_T2_not_a_discovery()
    {
        var outcome = Assert.Single(fixture.Rules().Evaluate(Intake(Dx("E11.9", DiagnosisChange.New)), Days.Friday));
        Assert.Equal("T2", outcome.RuleId);
    }

    [Theory]
    [InlineData("R45.851", Priority.High)] // suicidal ideations
    [InlineData("R45.0", Priority.Routine)] // nervousness
    [InlineData("R44.0", Priority.Routine)] // auditory hallucinations
    [InlineData("R41.0", Priority.Routine)] // disorientation
    public void A_new_behavioral_symptom_is_a_change_in_condition_not_a_medical_discovery(string code, Priority priority)
    {
        var outcome = Assert.Single(fixture.Rules().Evaluate(Established(Dx(code, DiagnosisChange.New)), Days.Friday));
        Assert.Equal("T2", outcome.RuleId);
        Assert.Equal(priority, outcome.Priority);
        Assert.Contains(code, outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("medical condition", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pcp_recording_a_new_medical_condition_fires_nothing() =>
        Assert.Empty(fixture.Rules().Evaluate(Established(Dx("E11.9", DiagnosisChange.New)) with { RecordedBy = ProviderKind.PrimaryCarePhysician }, Days.Friday));
}
