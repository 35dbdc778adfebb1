using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>
/// T1: a BH practitioner begins prescribing a psychotropic or significantly changes the regimen. Significant: a new
/// ingredient (start, switch, added agent), a discontinuation, a daily-dose change of 50% or more, any lithium or
/// clozapine dose change. The PCP is told, with high priority.
/// </summary>
[Collection(RulesCollection.Name)]
public class PsychotropicStartOrSignificantChange(RulesFixture fixture)
{
    public sealed record ChangeCase(string Name, MedicationChanged Change, IReadOnlyList<string> RuleIds, IReadOnlyList<string> ReasonNames)
    {
        public override string ToString() => Name;
    }

    public sealed record QuietCase(string Name, MedicationChanged Change)
    {
        public override string ToString() => Name;
    }

    internal static MedicationFact Drug(string text, decimal? dailyDose, string? unit = "mg", string? atc = null, string? rxNorm = null) =>
        new(text, atc, rxNorm, dailyDose, unit);

    /// <summary>A real order, so the daily dose comes from the product's own dose-times-frequency.</summary>
    internal static MedicationFact Order(string text, decimal dose, MedicationFrequency frequency, string unit = "mg") => MedicationFact.From(new MedicationOrder
    {
        DrugName = text,
        Dose = dose,
        DoseUnit = unit,
        Frequency = frequency,
        StartOn = new DateOnly(2026, 1, 5),
    });

    internal static MedicationChanged Start(MedicationFact started, params MedicationFact[] activeBefore) =>
        new(ProviderKind.BehavioralHealthPractitioner, activeBefore, started, null);

    internal static MedicationChanged Stop(MedicationFact stopped, string? reason, params MedicationFact[] alsoActive) =>
        new(ProviderKind.BehavioralHealthPractitioner, [stopped, .. alsoActive], null, stopped, reason);

    internal static MedicationChanged Replace(MedicationFact from, MedicationFact to, params MedicationFact[] alsoActive) =>
        new(ProviderKind.BehavioralHealthPractitioner, [from, .. alsoActive], to, from);

    internal static MedicationChanged By(ProviderKind kind, MedicationChanged change) => change with { RecordedBy = kind };

    private static readonly MedicationFact Sertraline50 = Drug("sertraline 50 MG Oral Tablet", 50);
    private static readonly MedicationFact Sertraline100 = Drug("sertraline 100 MG Oral Tablet", 100);
    private static readonly MedicationFact Lithium600 = Drug("lithium carbonate 300 MG Oral Capsule", 600);
    private static readonly MedicationFact Lisinopril = Drug("lisinopril 10 MG Oral Tablet", 10, atc: "C09AA03", rxNorm: "29046");

    private static ChangeCase Fires(string name, MedicationChanged change, params string[] reasonNames) => new(name, change, ["T1"], reasonNames);

    public static TheoryData<ChangeCase> SignificantChanges => new()
    {
        // A first psychotropic, one for every class in the catalog.
        Fires("Antidepressant start (sertraline)", Start(Sertraline50), "Sertraline (antidepressant) is a new psychotropic for this member", "no psychotropic was active before"),
        Fires("Antipsychotic start (quetiapine)", Start(Drug("quetiapine 25 MG Oral Tablet", 50)), "Quetiapine (antipsychotic) is a new psychotropic"),
        new("Lithium start (also T3)", Start(Drug("lithium carbonate 300 MG Oral Capsule", 900)), ["T1", "T3"], ["Lithium (mood stabilizer) is a new psychotropic"]),
        Fires("Anxiolytic start (lorazepam)", Start(Drug("lorazepam 0.5 MG Oral Tablet", 1)), "Lorazepam (anxiolytic) is a new psychotropic"),
        Fires("Hypnotic start (zolpidem)", Start(Drug("zolpidem tartrate 5 MG Oral Tablet", 5)), "Zolpidem (hypnotic) is a new psychotropic"),
        Fires("Psychostimulant start (methylphenidate)", Start(Drug("methylphenidate hydrochloride 10 MG Oral Tablet", 20)), "Methylphenidate (psychostimulant) is a new psychotropic"),
        Fires("Mood stabilizer start (lamotrigine)", Start(Drug("lamotrigine 25 MG Oral Tablet", 25)), "Lamotrigine (mood stabilizer) is a new psychotropic"),
        Fires("Alcohol dependence treatment start (naltrexone)", Start(Drug("naltrexone hydrochloride 50 MG Oral Tablet", 50)), "Naltrexone (alcohol dependence treatment) is a new psychotropic"),
        Fires("Opioid dependence treatment start (buprenorphine and naloxone)", Start(Drug("buprenorphine and naloxone 8 MG / 2 MG Sublingual Film", 16)), "Buprenorphine and naloxone (opioid dependence treatment) is a new psychotropic"),
        Fires("Nicotine dependence treatment start (varenicline)", Start(Drug("varenicline 0.5 MG Oral Tablet", 1)), "Varenicline (nicotine dependence treatment) is a new psychotropic"),
        Fires("Psychotropic start alongside only non-psychotropics", Start(Sertraline50, Lisinopril), "Sertraline (antidepressant) is a new psychotropic", "no psychotropic was active before"),

        // How a drug is recognised: by RxNorm, ATC, ingredient name in the text, or a brand name.
        Fires("Matched by RxNorm code alone", Start(Drug("Oral Tablet", 50, rxNorm: "36437")), "Sertraline (antidepressant) is a new psychotropic"),
        Fires("Matched by ATC code alone", Start(Drug("Oral Tablet", 50, atc: "N06AB06")), "Sertraline (antidepressant) is a new psychotropic"),
        Fires("Matched by ingredient name in the text alone", Start(Drug("Sertraline 25 MG Oral Tablet", 25)), "Sertraline (antidepressant) is a new psychotropic"),
        Fires("Matched by brand name (Zoloft)", Start(Drug("Zoloft 50 MG Oral Tablet", 50)), "Sertraline (antidepressant) is a new psychotropic"),
        Fires("Matched by two-word brand (Seroquel XR)", Start(Drug("Seroquel XR 50 MG Extended Release Oral Tablet", 50)), "Quetiapine (antipsychotic) is a new psychotropic"),
        Fires("Same ingredient by RxNorm then by brand is a dose change", Replace(Drug("Oral Tablet", 50, rxNorm: "36437"), Drug("Zoloft 100 MG Oral Tablet", 100)),
            "Sertraline daily dose changed from 50 mg to 100 mg (+100%)"),

        // Switches and added agents.
        Fires("Switch within a class (sertraline to fluoxetine)", Replace(Sertraline100, Drug("fluoxetine 20 MG Oral Capsule", 20)), "Switched from sertraline to fluoxetine (antidepressant)."),
        Fires("Switch across classes (sertraline to bupropion)", Replace(Sertraline100, Drug("bupropion hydrochloride 150 MG Extended Release Oral Tablet", 150)), "Switched from sertraline to bupropion (antidepressant)."),
        Fires("Added second agent (aripiprazole to sertraline)", Start(Drug("aripiprazole 2 MG Oral Tablet", 2), Sertraline100), "Aripiprazole (antipsychotic) was added to sertraline."),
        Fires("Added third agent names the others", Start(Drug("quetiapine 25 MG Oral Tablet", 25), Sertraline100, Drug("trazodone 50 MG Oral Tablet", 50), Lisinopril),
            "Quetiapine (antipsychotic) was added to sertraline and 1 other psychotropic(s)."),

        // Discontinuations, with or without a reason.
        Fires("Discontinuation with a reason", Stop(Sertraline100, "sexual side effects"), "Sertraline (antidepressant) was discontinued: sexual side effects."),
        Fires("Discontinuation without a reason", Stop(Sertraline100, null), "Sertraline (antidepressant) was discontinued."),
        Fires("Discontinuation with a blank reason", Stop(Drug("quetiapine 100 MG Oral Tablet", 100), "   "), "Quetiapine (antipsychotic) was discontinued."),
        Fires("Discontinuation of one of two psychotropics", Stop(Drug("trazodone 50 MG Oral Tablet", 50), "no longer needed for sleep", Sertraline100), "Trazodone (antidepressant) was discontinued: no longer needed for sleep."),

        // Daily-dose changes at and above the 50% threshold.
        Fires("Sertraline 50 to 100 mg (+100%)", Replace(Sertraline50, Sertraline100), "Sertraline daily dose changed from 50 mg to 100 mg (+100%), at or above the 50% threshold."),
        Fires("Exactly +50% (100 to 150 mg)", Replace(Sertraline100, Drug("sertraline 50 MG Oral Tablet", 150)), "from 100 mg to 150 mg (+50%)", "50% threshold"),
        Fires("Exactly -50% (100 to 50 mg)", Replace(Sertraline100, Sertraline50), "from 100 mg to 50 mg (-50%)"),
        Fires("Decrease of 75% (200 to 50 mg)", Replace(Drug("sertraline 100 MG Oral Tablet", 200), Sertraline50), "from 200 mg to 50 mg (-75%)"),
        Fires("Fractional doses (0.5 to 1 mg lorazepam)", Replace(Drug("lorazepam 0.5 MG Oral Tablet", 0.5m), Drug("lorazepam 1 MG Oral Tablet", 1)), "Lorazepam daily dose changed from 0.5 mg to 1 mg (+100%)"),
        Fires("Twice-daily dose doubled via the order's frequency", Replace(Order("quetiapine 100 MG Oral Tablet", 100, MedicationFrequency.OnceDaily), Order("quetiapine 100 MG Oral Tablet", 100, MedicationFrequency.TwiceDaily)),
            "Quetiapine daily dose changed from 100 mg to 200 mg (+100%)"),
        Fires("New order for an ingredient already active, without a stop", Start(Sertraline100, Sertraline50), "Sertraline daily dose changed from 50 mg to 100 mg (+100%)"),

        // Lithium and clozapine: any dose change.
        Fires("Lithium 600 to 750 mg (+25%)", Replace(Lithium600, Drug("lithium carbonate 150 MG Oral Capsule", 750)),
            "Lithium daily dose changed from 600 mg to 750 mg; any lithium dose change is significant (narrow therapeutic index, level monitoring)."),
        Fires("Lithium 900 to 750 mg (-17%)", Replace(Drug("lithium carbonate 300 MG Oral Capsule", 900), Drug("lithium carbonate 150 MG Oral Capsule", 750)), "from 900 mg to 750 mg; any lithium dose change is significant"),
        Fires("Clozapine 200 to 225 mg (+12.5%)", Replace(Drug("clozapine 100 MG Oral Tablet", 200), Drug("clozapine 25 MG Oral Tablet", 225)),
            "Clozapine daily dose changed from 200 mg to 225 mg; any clozapine dose change is significant (ANC and level monitoring)."),

        // Daily doses that cannot be compared are treated as significant.
        Fires("Scheduled to as needed (PRN)", Replace(Order("lorazepam 1 MG Oral Tablet", 1, MedicationFrequency.TwiceDaily), Order("lorazepam 1 MG Oral Tablet", 1, MedicationFrequency.AsNeeded)),
            "Lorazepam regimen changed and the daily doses cannot be compared", "treated as significant"),
        Fires("As needed to scheduled", Replace(Order("hydroxyzine 25 MG Oral Tablet", 25, MedicationFrequency.AsNeeded), Order("hydroxyzine 25 MG Oral Tablet", 25, MedicationFrequency.ThreeTimesDaily)),
            "Hydroxyzine regimen changed and the daily doses cannot be compared"),
        Fires("Unit mismatch (mg tablet to mL oral concentrate)", Replace(Sertraline100, Drug("sertraline 20 MG/ML Oral Solution", 5, unit: "mL")), "Sertraline regimen changed and the daily doses cannot be compared"),
        Fires("Lithium unit mismatch (mg to mEq)", Replace(Lithium600, Drug("lithium citrate 8 MEQ/5ML Oral Solution", 16, unit: "mEq")), "Lithium regimen changed and the daily doses cannot be compared"),
    };

    public static TheoryData<QuietCase> InsignificantChanges => new()
    {
        new("Sertraline 100 to 125 mg (+25%)", Replace(Sertraline100, Drug("sertraline 25 MG Oral Tablet", 125))),
        new("Just below the threshold (100 to 149 mg, +49%)", Replace(Sertraline100, Drug("sertraline 50 MG Oral Tablet", 149))),
        new("Just below the threshold downwards (100 to 51 mg, -49%)", Replace(Sertraline100, Drug("sertraline 50 MG Oral Tablet", 51))),
        new("Frequency change with the same daily dose (50 mg twice daily to 100 mg once daily)",
            Replace(Order("sertraline 50 MG Oral Tablet", 50, MedicationFrequency.TwiceDaily), Order("sertraline 100 MG Oral Tablet", 100, MedicationFrequency.OnceDaily))),
        new("Renewal at the same dose", Replace(Sertraline100, Drug("sertraline 100 MG Oral Tablet", 100))),
        new("Unit letter case differs but dose is the same", Replace(Sertraline100, Drug("sertraline 100 MG Oral Tablet", 100, unit: "MG"))),
        new("Non-psychotropic start (lisinopril)", Start(Lisinopril)),
        new("Non-psychotropic start while on a psychotropic", Start(Drug("metformin 500 MG Oral Tablet", 1000), Sertraline100)),
        new("Non-psychotropic discontinued", Stop(Lisinopril, "cough")),
        new("Non-psychotropic dose change", Replace(Lisinopril, Drug("lisinopril 40 MG Oral Tablet", 40))),
        new("Nothing started or stopped", new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, [Sertraline100], null, null)),
        new("PCP starts sertraline", By(ProviderKind.PrimaryCarePhysician, Start(Sertraline50))),
        new("Other medical provider starts quetiapine", By(ProviderKind.OtherMedicalProvider, Start(Drug("quetiapine 25 MG Oral Tablet", 25)))),
        new("PCP doubles sertraline", By(ProviderKind.PrimaryCarePhysician, Replace(Sertraline50, Sertraline100))),
        new("PCP discontinues sertraline", By(ProviderKind.PrimaryCarePhysician, Stop(Sertraline100, "resolved"))),
        new("PCP changes lithium dose", By(ProviderKind.PrimaryCarePhysician, Replace(Lithium600, Drug("lithium carbonate 150 MG Oral Capsule", 750)))),
    };

    [Theory]
    [MemberData(nameof(SignificantChanges))]
    public void A_bh_practitioner_starting_or_significantly_changing_a_psychotropic_alerts_the_pcp(ChangeCase c)
    {
        var outcomes = fixture.Rules().Evaluate(c.Change, Days.Friday);

        Assert.Equal(c.RuleIds, outcomes.Select(o => o.RuleId));
        var t1 = Assert.Single(outcomes, o => o.Trigger == CoordinationTrigger.PsychotropicStartOrChange);
        Assert.Equal(Priority.High, t1.Priority);
        Assert.Equal(new[] { Recipient.Pcp }, t1.Recipients);
        Assert.Equal(ContactPath.PcpOffice, t1.ContactPath);
        Assert.Equal(Days.Tuesday, t1.DueOn);
        Assert.Equal(ManualText.PsychotropicStartOrChange, t1.ManualText);
        Assert.False(t1.ShowsCrisisResources);
        foreach (var name in c.ReasonNames)
        {
            Assert.Contains(name, t1.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(InsignificantChanges))]
    public void Changes_that_are_not_significant_or_not_by_a_bh_practitioner_fire_nothing(QuietCase c) =>
        Assert.Empty(fixture.Rules().Evaluate(c.Change, Days.Friday));

    [Fact]
    public void A_plan_with_a_lower_threshold_counts_a_25_percent_change()
    {
        var settings = RuleSettings.Default with { SignificantChange = new SignificantChangePolicy { DailyDoseChangeThreshold = 0.25m } };
        var outcome = Assert.Single(fixture.Rules(settings).Evaluate(Replace(Sertraline100, Drug("sertraline 25 MG Oral Tablet", 125)), Days.Friday));
        Assert.Equal("T1", outcome.RuleId);
        Assert.Contains("(+25%), at or above the 25% threshold", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_monitors_no_ingredient_judges_lithium_by_the_threshold()
    {
        var settings = RuleSettings.Default with { SignificantChange = new SignificantChangePolicy { AnyDoseChangeIngredients = [] } };
        Assert.Empty(fixture.Rules(settings).Evaluate(Replace(Lithium600, Drug("lithium carbonate 150 MG Oral Capsule", 750)), Days.Friday));
    }

    [Fact]
    public void The_due_date_skips_the_weekend_and_a_plan_holiday()
    {
        var settings = RuleSettings.Default with { ServiceLevels = new ServiceLevels { Holidays = [Days.Monday] } };
        var outcome = Assert.Single(fixture.Rules(settings).Evaluate(Start(Sertraline50), Days.Friday));
        Assert.Equal(Days.Wednesday, outcome.DueOn);
    }
}
