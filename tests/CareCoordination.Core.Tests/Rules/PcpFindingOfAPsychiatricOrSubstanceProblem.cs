using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>
/// PCP-FINDING: during a medical exam a PCP or other medical provider suspects a psychiatric or substance use problem (an
/// F code, or PHQ-9 ≥ 10, GAD-7 ≥ 10, AUDIT-C ≥ 4 men / ≥ 3 others, DAST-10 ≥ 3) and contacts BH Provider Services;
/// the care manager queue picks it up. Any sign of suicidal ideation is urgent: due the same day, with crisis resources.
/// </summary>
[Collection(RulesCollection.Name)]
public class PcpFindingOfAPsychiatricOrSubstanceProblem(RulesFixture fixture)
{
    public sealed record FindingCase(string Name, PcpFindingRecorded Finding, IReadOnlyList<string> ReasonNames, bool NicotineCounts = false)
    {
        public override string ToString() => Name;
    }

    public sealed record QuietCase(string Name, PcpFindingRecorded Finding)
    {
        public override string ToString() => Name;
    }

    private static PcpFindingRecorded Screened(ScreeningResults screens, AdministrativeSex sex = AdministrativeSex.Female, ProviderKind by = ProviderKind.PrimaryCarePhysician) =>
        new(by, sex, null, screens);

    private static PcpFindingRecorded Suspected(string code, ProviderKind by = ProviderKind.PrimaryCarePhysician) =>
        new(by, AdministrativeSex.Female, Icd10CmCode.Parse(code), ScreeningResults.None);

    public static TheoryData<FindingCase> HighFindings => new()
    {
        new("PHQ-9 at 10", Screened(new(phq9: 10)), ["Suspected psychiatric or substance use problem: PHQ-9 10 (positive at 10)."]),
        new("PHQ-9 at 27", Screened(new(phq9: 27)), ["PHQ-9 27 (positive at 10)"]),
        new("PHQ-9 14 with item 9 answered 0", Screened(new(phq9: 14, phq9Item9: 0)), ["PHQ-9 14 (positive at 10)"]),
        new("GAD-7 at 10", Screened(new(gad7: 10)), ["GAD-7 10 (positive at 10)"]),
        new("AUDIT-C at 4 for a man", Screened(new(auditC: 4), AdministrativeSex.Male), ["AUDIT-C 4 (positive at 4 for men)"]),
        new("AUDIT-C at 3 for a woman", Screened(new(auditC: 3), AdministrativeSex.Female), ["AUDIT-C 3 (positive at 3)"]),
        new("AUDIT-C at 3, sex Other", Screened(new(auditC: 3), AdministrativeSex.Other), ["AUDIT-C 3 (positive at 3)"]),
        new("AUDIT-C at 3, sex Unknown", Screened(new(auditC: 3), AdministrativeSex.Unknown), ["AUDIT-C 3 (positive at 3)"]),
        new("DAST-10 at 3", Screened(new(dast10: 3)), ["DAST-10 3 (positive at 3)"]),
        new("Suspected depression F32.9", Suspected("F32.9"), ["Suspected psychiatric or substance use problem: suspected F32.9."]),
        new("Suspected alcohol use disorder F10.10", Suspected("F10.10"), ["suspected F10.10"]),
        new("Suspected adjustment disorder F43.21", Suspected("F43.21"), ["suspected F43.21"]),
        new("Suspected nicotine dependence when the plan counts it", Suspected("F17.210"), ["suspected F17.210"], NicotineCounts: true),
        new("Other medical provider's positive PHQ-9", Screened(new(phq9: 12), by: ProviderKind.OtherMedicalProvider), ["PHQ-9 12 (positive at 10)"]),
        new("Several positive screens are all named", Screened(new(phq9: 15, gad7: 12, auditC: 5, dast10: 4), AdministrativeSex.Male),
            ["PHQ-9 15 (positive at 10); GAD-7 12 (positive at 10); AUDIT-C 5 (positive at 4 for men); DAST-10 4 (positive at 3)."]),
        new("Suspected code and a positive screen", new(ProviderKind.PrimaryCarePhysician, AdministrativeSex.Male, Icd10CmCode.Parse("F41.1"), new(gad7: 16)),
            ["suspected F41.1; GAD-7 16 (positive at 10)"]),
    };

    public static TheoryData<FindingCase> UrgentFindings => new()
    {
        new("PHQ-9 item 9 answered 1, total below 10", Screened(new(phq9: 5, phq9Item9: 1)), ["Possible suicidal ideation: PHQ-9 item 9 answered 1 (above zero)."]),
        new("PHQ-9 item 9 answered 2", Screened(new(phq9Item9: 2)), ["PHQ-9 item 9 answered 2 (above zero)"]),
        new("PHQ-9 item 9 answered 3 with PHQ-9 20", Screened(new(phq9: 20, phq9Item9: 3)), ["PHQ-9 item 9 answered 3 (above zero); PHQ-9 20 (positive at 10)"]),
        new("Suicidal ideation coded R45.851", Suspected("R45.851"), ["Possible suicidal ideation: suicidal ideation (R45.851)."]),
        new("Suicidal ideation reported", new(ProviderKind.PrimaryCarePhysician, AdministrativeSex.Male, null, ScreeningResults.None, SuicidalIdeationReported: true),
            ["Possible suicidal ideation: suicidal ideation reported."]),
        new("Other medical provider codes R45.851 with a positive GAD-7", new(ProviderKind.OtherMedicalProvider, AdministrativeSex.Female, Icd10CmCode.Parse("R45.851"), new(gad7: 11)),
            ["suicidal ideation (R45.851); GAD-7 11 (positive at 10)"]),
    };

    public static TheoryData<QuietCase> NothingPositive => new()
    {
        new("PHQ-9 at 9", Screened(new(phq9: 9))),
        new("GAD-7 at 9", Screened(new(gad7: 9))),
        new("AUDIT-C at 3 for a man", Screened(new(auditC: 3), AdministrativeSex.Male)),
        new("AUDIT-C at 2 for a woman", Screened(new(auditC: 2), AdministrativeSex.Female)),
        new("AUDIT-C at 2, sex Other", Screened(new(auditC: 2), AdministrativeSex.Other)),
        new("AUDIT-C at 2, sex Unknown", Screened(new(auditC: 2), AdministrativeSex.Unknown)),
        new("DAST-10 at 2", Screened(new(dast10: 2))),
        new("PHQ-9 item 9 answered 0 alone", Screened(new(phq9Item9: 0))),
        new("Every screen just below its threshold", Screened(new(phq9: 9, phq9Item9: 0, gad7: 9, auditC: 3, dast10: 2), AdministrativeSex.Male)),
        new("All screens zero", Screened(new(0, 0, 0, 0, 0))),
        new("No screens and no suspicion", Screened(ScreeningResults.None)),
        new("Suspected medical code only (E11.9)", Suspected("E11.9")),
        new("Suspected nicotine dependence, plan does not count it", Suspected("F17.210")),
        new("Other suicide-related R code that is not R45.851 (R45.850)", Suspected("R45.850")),
        new("BH clinician records a positive PHQ-9", Screened(new(phq9: 20), by: ProviderKind.BehavioralHealthPractitioner)),
        new("BH clinician records item 9 answered 3", Screened(new(phq9Item9: 3), by: ProviderKind.BehavioralHealthPractitioner)),
        new("BH clinician codes R45.851", Suspected("R45.851", ProviderKind.BehavioralHealthPractitioner)),
    };

    [Theory]
    [MemberData(nameof(HighFindings))]
    public void A_suspected_problem_without_suicide_risk_goes_to_care_managers_with_high_priority(FindingCase c)
    {
        var outcome = Evaluate(c.Finding, Days.Friday, c.NicotineCounts);

        AssertPcpFinding(outcome, c.ReasonNames);
        Assert.Equal(Priority.High, outcome.Priority);
        Assert.Equal(Days.Tuesday, outcome.DueOn);
        Assert.False(outcome.ShowsCrisisResources);
        Assert.DoesNotContain("988", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UrgentFindings))]
    public void Any_sign_of_suicidal_ideation_is_urgent_due_today_with_crisis_resources(FindingCase c)
    {
        var outcome = Evaluate(c.Finding, Days.Friday, c.NicotineCounts);

        AssertPcpFinding(outcome, c.ReasonNames);
        Assert.Equal(Priority.Urgent, outcome.Priority);
        Assert.Equal(Days.Friday, outcome.DueOn);
        Assert.True(outcome.ShowsCrisisResources);
        Assert.Contains("Same-day follow-up; share crisis resources (988).", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NothingPositive))]
    public void Negative_screens_non_behavioral_codes_and_bh_clinicians_fire_nothing(QuietCase c) =>
        Assert.Empty(fixture.Rules().Evaluate(c.Finding, Days.Friday));

    [Fact]
    public void An_urgent_finding_on_a_saturday_is_due_that_saturday() =>
        Assert.Equal(Days.Saturday, Evaluate(Suspected("R45.851"), Days.Saturday, nicotineCounts: false).DueOn);

    [Fact]
    public void An_urgent_finding_on_a_plan_holiday_is_due_that_day()
    {
        var settings = RuleSettings.Default with { ServiceLevels = new ServiceLevels { Holidays = [Days.Christmas] } };
        var outcome = Assert.Single(fixture.Rules(settings).Evaluate(Screened(new(phq9Item9: 1)), Days.Christmas));
        Assert.Equal((Priority.Urgent, Days.Christmas), (outcome.Priority, outcome.DueOn));
    }

    [Fact]
    public void A_high_finding_on_christmas_eve_skips_the_holiday_and_the_weekend()
    {
        var settings = RuleSettings.Default with { ServiceLevels = new ServiceLevels { Holidays = [Days.Christmas] } };
        var outcome = Assert.Single(fixture.Rules(settings).Evaluate(Screened(new(phq9: 12)), Days.ChristmasEve));
        Assert.Equal(new DateOnly(2026, 12, 29), outcome.DueOn);
    }

    [Theory]
    [InlineData("phq9", -1)]
    [InlineData("phq9", 28)]
    [InlineData("phq9Item9", -1)]
    [InlineData("phq9Item9", 4)]
    [InlineData("gad7", -1)]
    [InlineData("gad7", 22)]
    [InlineData("auditC", -1)]
    [InlineData("auditC", 13)]
    [InlineData("dast10", -1)]
    [InlineData("dast10", 11)]
    public void A_score_outside_its_instruments_range_is_rejected(string instrument, int score)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Score(instrument, score));
        Assert.Equal(instrument, thrown.ParamName);
    }

    [Theory]
    [InlineData("phq9", 0, 27)]
    [InlineData("phq9Item9", 0, 3)]
    [InlineData("gad7", 0, 21)]
    [InlineData("auditC", 0, 12)]
    [InlineData("dast10", 0, 10)]
    public void The_ends_of_each_instruments_range_are_kept(string instrument, int lowest, int highest)
    {
        Assert.Equal(lowest, Read(Score(instrument, lowest), instrument));
        Assert.Equal(highest, Read(Score(instrument, highest), instrument));
    }

    private static ScreeningResults Score(string instrument, int score) => instrument switch
    {
        "phq9" => new(phq9: score),
        "phq9Item9" => new(phq9Item9: score),
        "gad7" => new(gad7: score),
        "auditC" => new(auditC: score),
        "dast10" => new(dast10: score),
        _ => throw new ArgumentException(instrument, nameof(instrument)),
    };

    private static int? Read(ScreeningResults screens, string instrument) => instrument switch
    {
        "phq9" => screens.Phq9,
        "phq9Item9" => screens.Phq9Item9,
        "gad7" => screens.Gad7,
        "auditC" => screens.AuditC,
        "dast10" => screens.Dast10,
        _ => throw new ArgumentException(instrument, nameof(instrument)),
    };

    private RuleOutcome Evaluate(PcpFindingRecorded finding, DateOnly today, bool nicotineCounts) =>
        Assert.Single(fixture.Rules(RuleSettings.Default with { NicotineCountsAsSubstanceUse = nicotineCounts }).Evaluate(finding, today));

    private static void AssertPcpFinding(RuleOutcome outcome, IReadOnlyList<string> reasonNames)
    {
        Assert.Equal("PCP-FINDING", outcome.RuleId);
        Assert.Equal(new[] { Recipient.CareManagerQueue }, outcome.Recipients);
        Assert.Equal(ContactPath.BhProviderServices, outcome.ContactPath);
        Assert.Equal(ManualText.PcpFinding, outcome.ManualText);
        Assert.False(outcome.RequestsMedicalEvaluation);
        foreach (var name in reasonNames)
        {
            Assert.Contains(name, outcome.Reason, StringComparison.Ordinal);
        }
    }
}
