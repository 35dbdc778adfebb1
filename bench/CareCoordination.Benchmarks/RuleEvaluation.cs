using BenchmarkDotNet.Attributes;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Benchmarks;

/// <summary>
/// One rule evaluation per event for a member with 20 active medications and 30 conditions: the cost every clinical
/// save pays. Targets: ≤ 25 µs and ≤ 2 KB allocated per event.
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluation
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly string[] Drugs =
    [
        "lisinopril 10 MG Oral Tablet", "metformin hydrochloride 500 MG Oral Tablet", "atorvastatin 20 MG Oral Tablet",
        "levothyroxine sodium 0.05 MG Oral Tablet", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "omeprazole 20 MG Delayed Release Oral Capsule",
        "amlodipine 5 MG Oral Tablet", "losartan potassium 50 MG Oral Tablet", "gabapentin 300 MG Oral Capsule", "aspirin 81 MG Delayed Release Oral Tablet",
        "fluticasone propionate 0.05 MG/ACTUAT Nasal Spray", "montelukast 10 MG Oral Tablet", "tamsulosin hydrochloride 0.4 MG Oral Capsule",
        "furosemide 20 MG Oral Tablet", "insulin glargine 100 UNT/ML Injectable Solution", "cetirizine hydrochloride 10 MG Oral Tablet",
        "quetiapine 100 MG Oral Tablet", "escitalopram 10 MG Oral Tablet", "trazodone hydrochloride 50 MG Oral Tablet", "buspirone hydrochloride 10 MG Oral Tablet",
    ];

    private static readonly string[] Codes =
    [
        "I10", "E11.9", "E78.5", "E03.9", "J45.909", "K21.9", "N18.30", "M54.50", "G47.00", "E66.9",
        "I48.91", "J44.9", "M17.11", "G43.909", "K58.9", "L40.0", "H40.9", "E55.9", "D64.9", "R51.9",
        "F32.1", "F41.1", "F43.10", "F10.20", "F17.210", "F90.0", "F51.01", "Z79.899", "Z87.891", "E11.65",
    ];

    private CoordinationRules _rules = null!;
    private MedicationChanged _doseChange = null!;
    private MedicationChanged _addedAgent = null!;
    private DiagnosesRecorded _intake = null!;
    private DiagnosesRecorded _established = null!;
    private PcpFindingRecorded _finding = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "Vocabularies", "Data");
        _rules = new CoordinationRules(ClinicalVocabulary.Parse(file => File.ReadAllText(Path.Combine(data, file))), RuleSettings.Default);

        var active = Drugs.Select(d => new MedicationFact(d, null, null, 10m, "mg")).ToList();
        _doseChange = new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, active,
            Started: new MedicationFact("quetiapine 200 MG Oral Tablet", null, null, 200m, "mg"),
            Stopped: new MedicationFact("quetiapine 100 MG Oral Tablet", null, null, 100m, "mg"));
        _addedAgent = new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, active,
            Started: new MedicationFact("aripiprazole 5 MG Oral Tablet", null, null, 5m, "mg"), Stopped: null);
        var diagnoses = Codes.Select(c => new DiagnosisFact(Icd10CmCode.Parse(c), null, DiagnosisChange.Unchanged)).ToList();
        _intake = new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, MemberIsNewToPractitioner: true, diagnoses);
        _established = new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, MemberIsNewToPractitioner: false,
            [.. diagnoses.Take(29), diagnoses[29] with { Change = DiagnosisChange.New }]);
        _finding = new PcpFindingRecorded(ProviderKind.PrimaryCarePhysician, AdministrativeSex.Female, null, new ScreeningResults(phq9: 14, phq9Item9: 0, gad7: 11));
    }

    [Benchmark(Description = "T1 dose change, 20 active meds")]
    public IReadOnlyList<RuleOutcome> DoseChange() => _rules.Evaluate(_doseChange, Today);

    [Benchmark(Description = "T1 added agent, 20 active meds")]
    public IReadOnlyList<RuleOutcome> AddedAgent() => _rules.Evaluate(_addedAgent, Today);

    [Benchmark(Description = "T2 intake, 30 conditions")]
    public IReadOnlyList<RuleOutcome> Intake() => _rules.Evaluate(_intake, Today);

    [Benchmark(Description = "T2/BH finding, established, 30 conditions")]
    public IReadOnlyList<RuleOutcome> Established() => _rules.Evaluate(_established, Today);

    [Benchmark(Description = "PCP finding, 2 positive screens")]
    public IReadOnlyList<RuleOutcome> PcpFinding() => _rules.Evaluate(_finding, Today);
}
