using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using static CareCoordination.Core.Tests.Rules.PsychotropicStartOrSignificantChange;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>
/// T3: a BH practitioner considers a treatment that needs a medical evaluation: ECT and TMS when planned; esketamine,
/// ketamine, clozapine and lithium when started (a dose change of a drug already taken is not a start). The PCP is asked
/// for a medical evaluation, with high priority.
/// </summary>
[Collection(RulesCollection.Name)]
public class TreatmentRequiringMedicalEvaluation(RulesFixture fixture)
{
    public sealed record PlanCase(string Name, TreatmentPlanned Plan, IReadOnlyList<string> ReasonNames)
    {
        public override string ToString() => Name;
    }

    public sealed record QuietPlan(string Name, TreatmentPlanned Plan)
    {
        public override string ToString() => Name;
    }

    public sealed record DrugCase(string Name, MedicationChanged Change, IReadOnlyList<string> RuleIds, IReadOnlyList<string> ReasonNames)
    {
        public override string ToString() => Name;
    }

    private static TreatmentPlanned Plan(string system, string code, string? display = null, ProviderKind by = ProviderKind.BehavioralHealthPractitioner) =>
        new(by, system, code, display);

    private const string EctWhy = "ECT needs a pre-anesthesia medical evaluation";
    private const string TmsWhy = "TMS needs screening for seizure risk";
    private const string Asked = "The PCP is asked for a medical evaluation.";

    public static TheoryData<PlanCase> PlannedProcedures => new()
    {
        new("ECT by CPT 90870", Plan("cpt", "90870", "Electroconvulsive therapy"), ["Electroconvulsive therapy (ECT) is planned (CPT 90870)", EctWhy, Asked]),
        new("ECT by SNOMED CT 1010697006", Plan("snomed", "1010697006", "Right unilateral electroconvulsive therapy"), ["Electroconvulsive therapy (ECT) is planned (SNOMED 1010697006)", EctWhy, Asked]),
        new("ECT with the code system in capitals and the code padded", Plan("CPT", " 90870 "), ["Electroconvulsive therapy (ECT) is planned (CPT 90870)"]),
        new("TMS initial with mapping (CPT 90867)", Plan("cpt", "90867"), ["Transcranial magnetic stimulation (TMS) is planned (CPT 90867)", TmsWhy, Asked]),
        new("TMS subsequent session (CPT 90868)", Plan("cpt", "90868"), ["Transcranial magnetic stimulation (TMS) is planned (CPT 90868)", TmsWhy]),
        new("TMS motor threshold re-determination (CPT 90869)", Plan("cpt", "90869"), ["Transcranial magnetic stimulation (TMS) is planned (CPT 90869)", TmsWhy]),
    };

    public static TheoryData<QuietPlan> OtherPlans => new()
    {
        new("Psychotherapy, 60 minutes (CPT 90837)", Plan("cpt", "90837")),
        new("Psychiatric diagnostic evaluation (CPT 90791)", Plan("cpt", "90791")),
        new("Unknown SNOMED CT code", Plan("snomed", "228557008")),
        new("ECT's CPT code under the SNOMED system", Plan("snomed", "90870")),
        new("ECT's SNOMED code under the CPT system", Plan("cpt", "1010697006")),
        new("A code system the rules do not know", Plan("icd10pcs", "GZB4ZZZ")),
        new("PCP plans ECT", Plan("cpt", "90870", by: ProviderKind.PrimaryCarePhysician)),
        new("Other medical provider plans TMS", Plan("cpt", "90867", by: ProviderKind.OtherMedicalProvider)),
    };

    private static MedicationFact Lithium(decimal daily) => Drug("lithium carbonate 300 MG Oral Capsule", daily);

    private static MedicationFact Clozapine(decimal daily) => Drug("clozapine 25 MG Oral Tablet", daily);

    public static TheoryData<DrugCase> DrugStarts => new()
    {
        new("Esketamine start (T1 as a new antidepressant, and T3)", Start(Drug("esketamine 28 MG Nasal Spray", null, unit: null)), ["T1", "T3"],
            ["Esketamine: esketamine 28 MG Nasal Spray.", "REMS with blood-pressure monitoring", Asked]),
        new("Esketamine by its ATC code alone", Start(Drug("Nasal Spray 28 MG", null, unit: null, atc: "N06AX27")), ["T1", "T3"], ["Esketamine: Nasal Spray 28 MG."]),
        new("Ketamine infusion (not a catalog psychotropic: T3 only)", Start(Drug("ketamine 10 MG/ML Injectable Solution", null, unit: null)), ["T3"],
            ["Ketamine infusion: ketamine 10 MG/ML Injectable Solution.", "cardiovascular screening", Asked]),
        new("Ketamine by RxNorm alone", Start(Drug("Injectable Solution", null, unit: null, rxNorm: "6130")), ["T3"], ["Ketamine infusion: Injectable Solution."]),
        new("Clozapine start", Start(Clozapine(25)), ["T1", "T3"], ["Clozapine start: clozapine 25 MG Oral Tablet.", "baseline absolute neutrophil count", Asked]),
        new("Clozapine by RxNorm alone", Start(Drug("Oral Tablet", 25, rxNorm: "2626")), ["T1", "T3"], ["Clozapine start: Oral Tablet."]),
        new("Switch from risperidone to clozapine is a clozapine start", Replace(Drug("risperidone 2 MG Oral Tablet", 4), Clozapine(25)), ["T1", "T3"], ["Clozapine start"]),
        new("Lithium start", Start(Lithium(600)), ["T1", "T3"], ["Lithium start: lithium carbonate 300 MG Oral Capsule.", "baseline renal and thyroid function", Asked]),
        new("Lithium by ATC alone", Start(Drug("Oral Capsule", 600, atc: "N05AN01")), ["T1", "T3"], ["Lithium start: Oral Capsule."]),
        new("Clozapine by brand name alone (Clozaril)", Start(Drug("Clozaril 25 MG Oral Tablet", 25)), ["T1", "T3"], ["Clozapine start: Clozaril 25 MG Oral Tablet."]),
        new("Lithium by brand name alone (Lithobid)", Start(Drug("Lithobid 300 MG Extended Release Oral Tablet", 600)), ["T1", "T3"], ["Lithium start: Lithobid 300 MG"]),
        new("Esketamine by brand name alone (Spravato)", Start(Drug("Spravato 28 MG Nasal Spray", null, unit: null)), ["T1", "T3"], ["Esketamine: Spravato 28 MG Nasal Spray."]),
        new("Lithium added to an antidepressant", Start(Lithium(600), Drug("sertraline 100 MG Oral Tablet", 100)), ["T1", "T3"], ["Lithium start"]),
    };

    public static TheoryData<DrugCase> NotStarts => new()
    {
        new("Lithium 600 to 750 mg is a dose change: T1 only", Replace(Lithium(600), Lithium(750)), ["T1"], []),
        new("Lithium as a new order while already on lithium citrate", Start(Lithium(600), Drug("lithium citrate 8 MEQ/5ML Oral Solution", 16, unit: "mEq")), ["T1"], []),
        new("Same-dose lithium order while already on Lithobid (brand): neither T1 nor T3", Start(Lithium(600), Drug("Lithobid 300 MG Extended Release Oral Tablet", 600)), [], []),
        new("Clozapine 200 to 300 mg: T1 only", Replace(Clozapine(200), Clozapine(300)), ["T1"], []),
        new("Lithium 600 to 750 mg with the stopped order left out of the active list: still T1 only",
            new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, [], Lithium(750), Lithium(600)), ["T1"], []),
        new("Lithium discontinued: T1 only", Stop(Lithium(900), "tremor"), ["T1"], []),
        new("Esketamine session dose 56 to 84 mg: T1 only", Replace(Drug("esketamine 28 MG Nasal Spray", 56), Drug("esketamine 28 MG Nasal Spray", 84)), ["T1"], []),
        new("PCP starts clozapine", By(ProviderKind.PrimaryCarePhysician, Start(Clozapine(25))), [], []),
        new("PCP starts lithium", By(ProviderKind.PrimaryCarePhysician, Start(Lithium(600))), [], []),
        new("Other medical provider starts ketamine", By(ProviderKind.OtherMedicalProvider, Start(Drug("ketamine 10 MG/ML Injectable Solution", null, unit: null))), [], []),
    };

    [Theory]
    [MemberData(nameof(PlannedProcedures))]
    public void A_bh_practitioner_planning_ect_or_tms_asks_the_pcp_for_a_medical_evaluation(PlanCase c)
    {
        var outcome = Assert.Single(fixture.Rules().Evaluate(c.Plan, Days.Friday));

        AssertMedicalEvaluationRequest(outcome, c.ReasonNames);
    }

    [Theory]
    [MemberData(nameof(OtherPlans))]
    public void Other_procedures_or_planners_fire_nothing(QuietPlan c) => Assert.Empty(fixture.Rules().Evaluate(c.Plan, Days.Friday));

    [Theory]
    [MemberData(nameof(DrugStarts))]
    public void Starting_a_drug_that_needs_a_medical_evaluation_fires_T3(DrugCase c)
    {
        var outcomes = fixture.Rules().Evaluate(c.Change, Days.Friday);

        Assert.Equal(c.RuleIds, outcomes.Select(o => o.RuleId));
        AssertMedicalEvaluationRequest(Assert.Single(outcomes, o => o.RequestsMedicalEvaluation), c.ReasonNames);
    }

    [Theory]
    [MemberData(nameof(NotStarts))]
    public void Dose_changes_stops_and_non_bh_prescribers_do_not_fire_T3(DrugCase c)
    {
        var outcomes = fixture.Rules().Evaluate(c.Change, Days.Friday);

        Assert.Equal(c.RuleIds, outcomes.Select(o => o.RuleId));
        Assert.DoesNotContain(outcomes, o => o.RequestsMedicalEvaluation);
    }

    [Fact]
    public void Lithium_start_brings_both_the_pcp_notice_and_the_evaluation_request_due_the_same_day()
    {
        var outcomes = fixture.Rules().Evaluate(Start(Lithium(600)), Days.Monday);

        Assert.Collection(outcomes,
            t1 => Assert.Equal((CoordinationTrigger.PsychotropicStartOrChange, Priority.High, Days.Wednesday), (t1.Trigger, t1.Priority, t1.DueOn)),
            t3 => Assert.Equal((CoordinationTrigger.TreatmentNeedingMedicalEvaluation, Priority.High, Days.Wednesday), (t3.Trigger, t3.Priority, t3.DueOn)));
        Assert.False(outcomes[0].RequestsMedicalEvaluation);
    }

    private static void AssertMedicalEvaluationRequest(RuleOutcome outcome, IReadOnlyList<string> reasonNames)
    {
        Assert.Equal("T3", outcome.RuleId);
        Assert.True(outcome.RequestsMedicalEvaluation);
        Assert.Equal(Priority.High, outcome.Priority);
        Assert.Equal(new[] { Recipient.Pcp }, outcome.Recipients);
        Assert.Equal(ContactPath.PcpOffice, outcome.ContactPath);
        Assert.Equal(Days.Tuesday, outcome.DueOn);
        Assert.Equal(ManualText.TreatmentNeedingMedicalEvaluation, outcome.ManualText);
        foreach (var name in reasonNames)
        {
            Assert.Contains(name, outcome.Reason, StringComparison.Ordinal);
        }
    }
}
