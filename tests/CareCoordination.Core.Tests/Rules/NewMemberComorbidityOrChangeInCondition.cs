using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>
/// T2: at intake, a member new to the BH practitioner reports a chronic medical condition, a substance use disorder or a
/// major mental illness (anything in chapter F but an adjustment disorder); later, an established member's condition
/// changes. High when a SUD or a psychotic or bipolar disorder is involved, else routine. Nicotine alone counts only when
/// the plan says so. A newly discovered medical condition in an established member is BH-MEDICAL-FINDING instead.
/// </summary>
[Collection(RulesCollection.Name)]
public class NewMemberComorbidityOrChangeInCondition(RulesFixture fixture)
{
    public sealed record DiagnosisCase(
        string Name,
        DiagnosesRecorded Recorded,
        Priority Priority,
        IReadOnlyList<string> ReasonNames,
        IReadOnlyList<string>? NotNamed = null,
        bool NicotineCounts = false)
    {
        public override string ToString() => Name;
    }

    public sealed record QuietCase(string Name, DiagnosesRecorded Recorded, bool NicotineCounts = false)
    {
        public override string ToString() => Name;
    }

    internal static DiagnosisFact Dx(string code, DiagnosisChange change = DiagnosisChange.Unchanged, string? description = null) =>
        new(Icd10CmCode.Parse(code), description, change);

    internal static DiagnosesRecorded Intake(params DiagnosisFact[] diagnoses) => new(ProviderKind.BehavioralHealthPractitioner, true, diagnoses);

    internal static DiagnosesRecorded Established(params DiagnosisFact[] diagnoses) => new(ProviderKind.BehavioralHealthPractitioner, false, diagnoses);

    private static DiagnosisCase High(string name, DiagnosesRecorded recorded, params string[] reasonNames) => new(name, recorded, Priority.High, reasonNames);

    private static DiagnosisCase Routine(string name, DiagnosesRecorded recorded, params string[] reasonNames) => new(name, recorded, Priority.Routine, reasonNames);

    public static TheoryData<DiagnosisCase> IntakesThatFire => new()
    {
        High("SUD only (alcohol dependence F10.20)", Intake(Dx("F10.20")), "New member reports a substance use disorder (F10.20)."),
        High("SUD only (opioid dependence F11.20)", Intake(Dx("F11.20")), "a substance use disorder (F11.20)"),
        High("SUD only (cannabis use F12.10)", Intake(Dx("F12.10")), "a substance use disorder (F12.10)"),
        Routine("Major mental illness only (major depression F32.1)", Intake(Dx("F32.1")), "New member reports a major mental illness (F32.1)."),
        Routine("PTSD F43.10 is a major mental illness, not an adjustment disorder", Intake(Dx("F43.10")), "a major mental illness (F43.10)"),
        Routine("Generalized anxiety F41.1", Intake(Dx("F41.1")), "a major mental illness (F41.1)"),
        High("Bipolar disorder F31.81", Intake(Dx("F31.81")), "a major mental illness (F31.81)"),
        High("Schizophrenia F20.9", Intake(Dx("F20.9")), "a major mental illness (F20.9)"),
        High("Unspecified psychosis F29", Intake(Dx("F29")), "a major mental illness (F29)"),
        High("Manic episode F30.10", Intake(Dx("F30.10")), "a major mental illness (F30.10)"),
        Routine("Depression just outside the psychotic/bipolar range (F32.9)", Intake(Dx("F32.9")), "a major mental illness (F32.9)"),
        Routine("Chronic medical condition only (type 2 diabetes E11.9)", Intake(Dx("E11.9")), "New member reports a concurrent medical condition (E11.9)."),
        Routine("Chronic medical condition only (hypertension I10)", Intake(Dx("I10")), "a concurrent medical condition (I10)"),
        Routine("Chronic medical condition only (asthma J45.909)", Intake(Dx("J45.909")), "a concurrent medical condition (J45.909)"),
        new("Adjustment disorder with depression names only the depression", Intake(Dx("F43.21"), Dx("F32.1")), Priority.Routine, ["a major mental illness (F32.1)"], ["F43.21"]),
        new("Adjustment disorder with a SUD is high", Intake(Dx("F43.23"), Dx("F10.20")), Priority.High, ["a substance use disorder (F10.20)"], ["F43.23"]),
        new("Acute medical with depression names only the depression", Intake(Dx("J06.9"), Dx("F32.1")), Priority.Routine, ["a major mental illness (F32.1)"], ["J06.9"]),
        new("Nicotine alone counts when the plan says so", Intake(Dx("F17.210")), Priority.High, ["a substance use disorder (F17.210)"], NicotineCounts: true),
        new("Nicotine with depression, nicotine not counted", Intake(Dx("F17.210"), Dx("F32.1")), Priority.Routine, ["a major mental illness (F32.1)"], ["F17.210"]),
        High("SUD, major mental illness and medical condition together", Intake(Dx("F10.20"), Dx("F32.1"), Dx("E11.9")),
            "New member reports a substance use disorder (F10.20), a major mental illness (F32.1) and a concurrent medical condition (E11.9)."),
        High("Bipolar with a medical condition", Intake(Dx("E11.9"), Dx("F31.9")), "a major mental illness (F31.9) and a concurrent medical condition (E11.9)"),
        new("More than three codes of a kind are counted, not listed", Intake(Dx("F32.1"), Dx("F41.1"), Dx("F42.2"), Dx("F50.00")), Priority.Routine,
            ["a major mental illness (F32.1, F41.1, F42.2 and 1 more)"], ["F50.00"]),
    };

    public static TheoryData<QuietCase> IntakesThatDoNotFire => new()
    {
        new("Adjustment disorder alone (F43.20)", Intake(Dx("F43.20"))),
        new("Adjustment disorder with depressed mood (F43.21)", Intake(Dx("F43.21"))),
        new("Adjustment disorder with anxiety (F43.22)", Intake(Dx("F43.22"))),
        new("Adjustment disorder with mixed anxiety and depressed mood (F43.23)", Intake(Dx("F43.23"))),
        new("Adjustment disorder with disturbance of conduct (F43.24)", Intake(Dx("F43.24"))),
        new("Adjustment disorder with mixed disturbance (F43.25)", Intake(Dx("F43.25"))),
        new("Adjustment disorder, other (F43.29)", Intake(Dx("F43.29"))),
        new("Two adjustment disorders", Intake(Dx("F43.21"), Dx("F43.22"))),
        new("Acute, non-chronic medical condition only (J06.9)", Intake(Dx("J06.9"))),
        new("Injury only (ankle sprain S93.401A)", Intake(Dx("S93.401A"))),
        new("Nicotine dependence alone, plan does not count it", Intake(Dx("F17.210"))),
        new("Adjustment disorder with nicotine and an acute condition", Intake(Dx("F43.21"), Dx("F17.210"), Dx("J06.9"))),
        new("No diagnoses", Intake()),
        new("PCP records depression at intake", Intake(Dx("F32.1")) with { RecordedBy = ProviderKind.PrimaryCarePhysician }),
        new("Other medical provider records schizophrenia and diabetes", Intake(Dx("F20.9"), Dx("E11.9")) with { RecordedBy = ProviderKind.OtherMedicalProvider }),
    };

    public static TheoryData<DiagnosisCase> EstablishedChangesThatFire => new()
    {
        Routine("New depression diagnosis", Established(Dx("F32.1", DiagnosisChange.New)), "Established member's condition changed: new (F32.1)."),
        Routine("New adjustment disorder is still a new diagnosis", Established(Dx("F43.21", DiagnosisChange.New)), "new (F43.21)"),
        High("Resolved alcohol dependence active again", Established(Dx("F10.20", DiagnosisChange.Reactivated)), "Established member's condition changed: active again (F10.20)."),
        High("Bipolar disorder worse", Established(Dx("F31.9", DiagnosisChange.Worsened)), "Established member's condition changed: worse (F31.9)."),
        Routine("Anxiety worse", Established(Dx("F41.1", DiagnosisChange.Worsened)), "worse (F41.1)"),
        Routine("Diabetes active again (medical)", Established(Dx("E11.9", DiagnosisChange.Reactivated)), "active again (E11.9)"),
        Routine("Heart failure worse (medical)", Established(Dx("I50.9", DiagnosisChange.Worsened)), "worse (I50.9)"),
        new("New, reactivated and worse together; unchanged not named", Established(Dx("F32.1", DiagnosisChange.New), Dx("F10.20", DiagnosisChange.Reactivated),
            Dx("F41.1", DiagnosisChange.Worsened), Dx("F31.9")), Priority.High, ["new (F32.1), active again (F10.20) and worse (F41.1)"], ["F31.9"]),
        new("New nicotine dependence counts when the plan says so", Established(Dx("F17.210", DiagnosisChange.New)), Priority.High, ["new (F17.210)"], NicotineCounts: true),
        new("Worse depression with new nicotine, nicotine not counted", Established(Dx("F32.1", DiagnosisChange.Worsened), Dx("F17.210", DiagnosisChange.New)),
            Priority.Routine, ["worse (F32.1)"], ["F17.210"]),
    };

    public static TheoryData<QuietCase> EstablishedNonChanges => new()
    {
        new("Depression unchanged", Established(Dx("F32.1"))),
        new("Schizophrenia and diabetes unchanged", Established(Dx("F20.9"), Dx("E11.9"))),
        new("New nicotine dependence, plan does not count it", Established(Dx("F17.210", DiagnosisChange.New))),
        new("Worse nicotine dependence, plan does not count it", Established(Dx("F17.210", DiagnosisChange.Worsened))),
        new("No diagnoses", Established()),
        new("PCP records new depression", Established(Dx("F32.1", DiagnosisChange.New)) with { RecordedBy = ProviderKind.PrimaryCarePhysician }),
        new("Other medical provider records worse bipolar disorder", Established(Dx("F31.9", DiagnosisChange.Worsened)) with { RecordedBy = ProviderKind.OtherMedicalProvider }),
    };

    [Theory]
    [MemberData(nameof(IntakesThatFire))]
    public void A_new_member_with_a_comorbidity_sud_or_major_mental_illness_alerts_the_pcp(DiagnosisCase c) => AssertT2(c);

    [Theory]
    [MemberData(nameof(IntakesThatDoNotFire))]
    public void A_new_member_with_only_an_adjustment_disorder_acute_condition_or_nicotine_fires_nothing(QuietCase c) =>
        Assert.Empty(Rules(c.NicotineCounts).Evaluate(c.Recorded, Days.Friday));

    [Theory]
    [MemberData(nameof(EstablishedChangesThatFire))]
    public void A_change_in_an_established_members_condition_alerts_the_pcp(DiagnosisCase c) => AssertT2(c);

    [Theory]
    [MemberData(nameof(EstablishedNonChanges))]
    public void An_established_member_without_a_change_fires_nothing(QuietCase c) =>
        Assert.Empty(Rules(c.NicotineCounts).Evaluate(c.Recorded, Days.Friday));

    [Fact]
    public void A_routine_T2_on_a_monday_is_due_the_next_monday()
    {
        var outcome = Assert.Single(fixture.Rules().Evaluate(Intake(Dx("F32.1")), Days.Monday));
        Assert.Equal(Days.NextMonday, outcome.DueOn);
    }

    private CoordinationRules Rules(bool nicotineCounts) => fixture.Rules(RuleSettings.Default with { NicotineCountsAsSubstanceUse = nicotineCounts });

    private void AssertT2(DiagnosisCase c)
    {
        var outcome = Assert.Single(Rules(c.NicotineCounts).Evaluate(c.Recorded, Days.Friday));

        Assert.Equal("T2", outcome.RuleId);
        Assert.Equal(c.Priority, outcome.Priority);
        Assert.Equal(c.Priority == Priority.High ? Days.Tuesday : Days.NextFriday, outcome.DueOn);
        Assert.Equal(new[] { Recipient.Pcp }, outcome.Recipients);
        Assert.Equal(ContactPath.PcpOffice, outcome.ContactPath);
        Assert.Equal(ManualText.NewMemberComorbidityOrChange, outcome.ManualText);
        foreach (var name in c.ReasonNames)
        {
            Assert.Contains(name, outcome.Reason, StringComparison.Ordinal);
        }

        foreach (var code in c.NotNamed ?? [])
        {
            Assert.DoesNotContain(code, outcome.Reason, StringComparison.Ordinal);
        }
    }
}
