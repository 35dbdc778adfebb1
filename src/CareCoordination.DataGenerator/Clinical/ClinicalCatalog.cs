using CareCoordination.Core.Clinical;
using CareCoordination.Core.Vocabularies;
using CareCoordination.DataGenerator.Members;
using F = CareCoordination.Core.Clinical.MedicationFrequency;

namespace CareCoordination.DataGenerator.Clinical;

internal sealed record Diagnosis(Icd10CmCode Code, string Description);

/// <summary>
/// The clinical content members are made of, all of it real: ICD-10-CM codes and descriptions from the shipped
/// vocabulary (icd10cm-common.v1.csv), chronic conditions as the shipped list defines them, psychotropics from the shipped
/// catalog (their ATC and RxNorm codes), written at usual strengths.
/// </summary>
internal sealed class ClinicalCatalog
{
    private static readonly Dictionary<BhProfile, string[]> ProfileCategories = new()
    {
        [BhProfile.Depression] = ["F32", "F33", "F34"],
        [BhProfile.Anxiety] = ["F40", "F41", "F42"],
        [BhProfile.Bipolar] = ["F30", "F31"],
        [BhProfile.Psychotic] = ["F20", "F22", "F25", "F29"],
        [BhProfile.AlcoholUse] = ["F10"],
        [BhProfile.OpioidUse] = ["F11"],
        [BhProfile.OtherSubstanceUse] = ["F12", "F13", "F14", "F15"],
        [BhProfile.Trauma] = ["F43"],
        [BhProfile.Adhd] = ["F90"],
        [BhProfile.EatingDisorder] = ["F50"],
        [BhProfile.Dementia] = ["F01", "F02", "F03"],
        [BhProfile.Neurodevelopmental] = ["F84", "F70", "F71"],
    };

    /// <summary>The chronic conditions most members who have one have; the rarer ones in the shipped list still appear.</summary>
    private static readonly HashSet<string> CommonChronic = ["I10", "E11", "E78", "E66", "J45", "K21", "E03", "M54", "M17", "M19", "G43", "J44", "N18", "I25", "E55", "G47", "G89"];

    private static readonly HashSet<string> ChildhoodChronic = ["J45", "E66", "E10", "G40", "G43", "D57", "K50"];

    private static readonly Dictionary<BhProfile, (string Ingredient, double Weight)[]> ProfileDrugs = new()
    {
        [BhProfile.Depression] = [("sertraline", 20), ("escitalopram", 18), ("fluoxetine", 12), ("bupropion", 12), ("citalopram", 8), ("venlafaxine", 8),
            ("duloxetine", 8), ("mirtazapine", 6), ("trazodone", 8), ("paroxetine", 4), ("vortioxetine", 3), ("aripiprazole", 3)],
        [BhProfile.Anxiety] = [("sertraline", 18), ("escitalopram", 18), ("buspirone", 12), ("hydroxyzine", 10), ("venlafaxine", 8), ("clonazepam", 6),
            ("lorazepam", 6), ("alprazolam", 5), ("paroxetine", 4), ("duloxetine", 6)],
        [BhProfile.Bipolar] = [("lithium", 18), ("lamotrigine", 18), ("quetiapine", 14), ("valproic acid", 10), ("aripiprazole", 10), ("lurasidone", 8),
            ("olanzapine", 8), ("cariprazine", 5), ("carbamazepine", 3), ("oxcarbazepine", 2)],
        [BhProfile.Psychotic] = [("risperidone", 18), ("olanzapine", 15), ("aripiprazole", 15), ("quetiapine", 12), ("paliperidone", 10), ("haloperidol", 8),
            ("clozapine", 8), ("ziprasidone", 5), ("lurasidone", 5), ("cariprazine", 4)],
        [BhProfile.AlcoholUse] = [("naltrexone", 50), ("acamprosate", 25), ("disulfiram", 15)],
        [BhProfile.OpioidUse] = [("buprenorphine and naloxone", 50), ("buprenorphine", 20), ("methadone", 20), ("naltrexone", 10)],
        [BhProfile.OtherSubstanceUse] = [("bupropion", 10), ("naltrexone", 5), ("trazodone", 5)],
        [BhProfile.Trauma] = [("sertraline", 25), ("paroxetine", 15), ("venlafaxine", 10), ("trazodone", 15), ("fluoxetine", 10), ("hydroxyzine", 10)],
        [BhProfile.Adhd] = [("methylphenidate", 30), ("lisdexamfetamine", 25), ("amfetamine", 15), ("dexmethylphenidate", 10), ("atomoxetine", 12), ("viloxazine", 5)],
        [BhProfile.EatingDisorder] = [("fluoxetine", 60), ("lisdexamfetamine", 20)],
        [BhProfile.Dementia] = [("sertraline", 30), ("citalopram", 20), ("mirtazapine", 20), ("quetiapine", 15), ("trazodone", 15)],
        [BhProfile.Neurodevelopmental] = [("risperidone", 40), ("aripiprazole", 40), ("methylphenidate", 20)],
    };

    /// <summary>Usual strengths; every ingredient named in <see cref="ProfileDrugs"/> is here.</summary>
    private static readonly (string Ingredient, string Form, decimal[] Doses, F Frequency)[] PsychotropicForms =
    [
        ("sertraline", "Oral Tablet", [25, 50, 100, 150, 200], F.OnceDaily),
        ("escitalopram", "Oral Tablet", [5, 10, 20], F.OnceDaily),
        ("fluoxetine", "Oral Capsule", [10, 20, 40, 60], F.OnceDaily),
        ("bupropion", "Extended Release Oral Tablet", [150, 300], F.OnceDaily),
        ("citalopram", "Oral Tablet", [10, 20, 40], F.OnceDaily),
        ("venlafaxine", "Extended Release Oral Capsule", [37.5m, 75, 150, 225], F.OnceDaily),
        ("duloxetine", "Delayed Release Oral Capsule", [20, 30, 60], F.OnceDaily),
        ("mirtazapine", "Oral Tablet", [7.5m, 15, 30, 45], F.AtBedtime),
        ("trazodone", "Oral Tablet", [50, 100, 150], F.AtBedtime),
        ("paroxetine", "Oral Tablet", [10, 20, 40], F.OnceDaily),
        ("vortioxetine", "Oral Tablet", [5, 10, 20], F.OnceDaily),
        ("aripiprazole", "Oral Tablet", [2, 5, 10, 15, 20], F.OnceDaily),
        ("buspirone", "Oral Tablet", [5, 10, 15], F.TwiceDaily),
        ("hydroxyzine", "Oral Tablet", [25, 50], F.ThreeTimesDaily),
        ("clonazepam", "Oral Tablet", [0.5m, 1, 2], F.TwiceDaily),
        ("lorazepam", "Oral Tablet", [0.5m, 1, 2], F.TwiceDaily),
        ("alprazolam", "Oral Tablet", [0.25m, 0.5m, 1], F.ThreeTimesDaily),
        ("lithium", "lithium carbonate {0} MG Oral Capsule", [300, 450, 600], F.TwiceDaily),
        ("lamotrigine", "Oral Tablet", [25, 50, 100, 200], F.OnceDaily),
        ("quetiapine", "Oral Tablet", [25, 50, 100, 200, 300, 400], F.AtBedtime),
        ("valproic acid", "divalproex sodium {0} MG Delayed Release Oral Tablet", [250, 500], F.TwiceDaily),
        ("lurasidone", "Oral Tablet", [20, 40, 80], F.OnceDaily),
        ("olanzapine", "Oral Tablet", [2.5m, 5, 10, 15, 20], F.AtBedtime),
        ("cariprazine", "Oral Capsule", [1.5m, 3, 4.5m, 6], F.OnceDaily),
        ("carbamazepine", "Oral Tablet", [200], F.TwiceDaily),
        ("oxcarbazepine", "Oral Tablet", [300, 600], F.TwiceDaily),
        ("risperidone", "Oral Tablet", [0.5m, 1, 2, 3], F.TwiceDaily),
        ("paliperidone", "Extended Release Oral Tablet", [3, 6, 9], F.OnceDaily),
        ("haloperidol", "Oral Tablet", [1, 2, 5], F.TwiceDaily),
        ("clozapine", "Oral Tablet", [25, 100, 200], F.TwiceDaily),
        ("ziprasidone", "Oral Capsule", [20, 40, 80], F.TwiceDaily),
        ("naltrexone", "naltrexone hydrochloride {0} MG Oral Tablet", [50], F.OnceDaily),
        ("acamprosate", "acamprosate calcium {0} MG Delayed Release Oral Tablet", [666], F.ThreeTimesDaily),
        ("disulfiram", "Oral Tablet", [250], F.OnceDaily),
        ("buprenorphine and naloxone", "buprenorphine {0} MG / naloxone {1} MG Sublingual Film", [8, 12, 16], F.OnceDaily),
        ("buprenorphine", "Sublingual Tablet", [2, 8], F.OnceDaily),
        ("methadone", "methadone hydrochloride {0} MG Oral Solution", [40, 60, 80, 100], F.OnceDaily),
        ("methylphenidate", "methylphenidate hydrochloride {0} MG Oral Tablet", [5, 10, 20], F.TwiceDaily),
        ("lisdexamfetamine", "lisdexamfetamine dimesylate {0} MG Oral Capsule", [20, 30, 40, 50, 70], F.OnceDaily),
        ("amfetamine", "amphetamine sulfate {0} MG Oral Tablet", [5, 10, 20], F.TwiceDaily),
        ("dexmethylphenidate", "Oral Tablet", [5, 10], F.TwiceDaily),
        ("atomoxetine", "Oral Capsule", [18, 25, 40, 60, 80], F.OnceDaily),
        ("viloxazine", "Extended Release Oral Capsule", [100, 200, 400], F.OnceDaily),
    ];

    /// <summary>First-line drugs for common chronic conditions (WHO ATC, RxNorm ingredient), by ICD-10-CM category.</summary>
    private static readonly Dictionary<string, Regimen> MedicalDrugs = new(StringComparer.Ordinal)
    {
        ["I10"] = new("lisinopril", "Oral Tablet", [10, 20, 40], "mg", F.OnceDaily, "C09AA03", "29046", null),
        ["E11"] = new("metformin", "metformin hydrochloride {0} MG Oral Tablet", [500, 1000], "mg", F.TwiceDaily, "A10BA02", "6809", null),
        ["E10"] = new("insulin glargine", "insulin glargine 100 UNT/ML Injectable Solution", [10, 20, 30], "unit", F.OnceDaily, "A10AE04", "274783", null),
        ["E78"] = new("atorvastatin", "Oral Tablet", [10, 20, 40], "mg", F.OnceDaily, "C10AA05", "83367", null),
        ["E03"] = new("levothyroxine", "levothyroxine sodium {0} MCG Oral Tablet", [50, 75, 100], "mcg", F.OnceDaily, "H03AA01", "10582", null),
        ["J45"] = new("albuterol", "albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", [2], "puff", F.AsNeeded, "R03AC02", "435", null),
        ["K21"] = new("omeprazole", "Delayed Release Oral Capsule", [20, 40], "mg", F.OnceDaily, "A02BC01", "7646", null),
        ["I25"] = new("aspirin", "Delayed Release Oral Tablet", [81], "mg", F.OnceDaily, "B01AC06", "1191", null),
        ["I48"] = new("apixaban", "Oral Tablet", [5], "mg", F.TwiceDaily, "B01AF02", "1364430", null),
        ["I50"] = new("furosemide", "Oral Tablet", [20, 40], "mg", F.OnceDaily, "C03CA01", "4603", null),
        ["G43"] = new("sumatriptan", "Oral Tablet", [50, 100], "mg", F.AsNeeded, "N02CC01", "37418", null),
        ["M17"] = new("naproxen", "Oral Tablet", [250, 500], "mg", F.TwiceDaily, "M01AE02", "7258", null),
        ["M19"] = new("naproxen", "Oral Tablet", [250, 500], "mg", F.TwiceDaily, "M01AE02", "7258", null),
    };

    private readonly Dictionary<BhProfile, Weighted<Diagnosis>> _bhDiagnoses;
    private readonly Weighted<Diagnosis> _chronic;
    private readonly Weighted<Diagnosis> _childhoodChronic;
    private readonly Dictionary<BhProfile, Weighted<Regimen>> _psychotropics;
    private readonly Weighted<Diagnosis> _nicotine;

    public ClinicalCatalog(ClinicalVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var entries = vocabulary.CommonDiagnoses.Entries.Select(e => new Diagnosis(e.Code, e.Description)).ToList();
        _bhDiagnoses = ProfileCategories.ToDictionary(p => p.Key,
            p => new Weighted<Diagnosis>(entries.Where(d => p.Value.Contains(d.Code.Category)).Select(d => (d, 1.0))));
        var chronic = entries.Where(d => vocabulary.ChronicConditions.GroupOf(d.Code) is not null).ToList();
        _chronic = new(chronic.Select(d => (d, CommonChronic.Contains(d.Code.Category) ? 12.0 : 1.0)));
        _childhoodChronic = new(chronic.Where(d => ChildhoodChronic.Contains(d.Code.Category)).Select(d => (d, 1.0)));
        MedicalFindings = [.. entries.Where(d => !d.Code.IsMentalOrBehavioral() && !d.Code.IsBehavioralSymptom() && !d.Code.Category.StartsWith('Z'))];
        SuicidalIdeation = entries.Single(d => d.Code.IsSuicidalIdeation());
        _nicotine = new(entries.Where(d => d.Code.IsNicotineDependence()).Select(d => (d, 1.0)));

        var ingredients = vocabulary.Psychotropics.Ingredients.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var forms = PsychotropicForms.ToDictionary(f => f.Ingredient, f =>
        {
            var ingredient = ingredients.GetValueOrDefault(f.Ingredient)
                ?? throw new InvalidOperationException($"'{f.Ingredient}' is not in the shipped psychotropic vocabulary.");
            return new Regimen(f.Ingredient, f.Form, f.Doses, "mg", f.Frequency, ingredient.AtcCode, ingredient.RxNormCodes.Count > 0 ? ingredient.RxNormCodes[0] : null, ingredient);
        }, StringComparer.Ordinal);
        _psychotropics = ProfileDrugs.ToDictionary(p => p.Key, p => new Weighted<Regimen>(p.Value.Select(d => (forms[d.Ingredient], d.Weight))));
        Psychotropics = [.. forms.Values];
    }

    /// <summary>Every psychotropic regimen written here (a prescriber picks drugs outside a member's profile too).</summary>
    public IReadOnlyList<Regimen> Psychotropics { get; }

    /// <summary>Medical codes a BH practitioner may discover (no chapter F, no behavioral symptoms, no Z codes).</summary>
    public IReadOnlyList<Diagnosis> MedicalFindings { get; }

    public Diagnosis SuicidalIdeation { get; }

    public static bool HasDrugs(BhProfile profile) => ProfileDrugs.ContainsKey(profile);

    public Diagnosis BhDiagnosis(BhProfile profile, Random random) => _bhDiagnoses[profile].Next(random);

    public Diagnosis NicotineDependence(Random random) => _nicotine.Next(random);

    public Diagnosis ChronicCondition(bool child, Random random) => (child ? _childhoodChronic : _chronic).Next(random);

    public Regimen Psychotropic(BhProfile profile, Random random) => _psychotropics[profile].Next(random);

    public static Regimen? DrugFor(Diagnosis condition) => MedicalDrugs.GetValueOrDefault(condition?.Code.Category ?? "");
}
