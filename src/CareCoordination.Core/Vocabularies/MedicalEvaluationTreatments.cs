using System.Collections.Frozen;

namespace CareCoordination.Core.Vocabularies;

/// <summary>The shipped T3 list: which procedure codes (CPT, SNOMED CT) and drugs (RxNorm, ATC) need a medical evaluation.</summary>
public sealed class MedicalEvaluationTreatments
{
    public const string Header = "treatment,system,code,display,reason";

    private readonly FrozenDictionary<(string System, string Code), MedicalEvaluationTreatment> _procedures;
    private readonly DrugMatcher<Box> _drugs;
    private readonly FrozenDictionary<MedicalEvaluationTreatment, string> _reasons;

    private MedicalEvaluationTreatments(IReadOnlyList<(MedicalEvaluationTreatment Treatment, string System, string Code, string Display, string Reason)> rows)
    {
        Rows = rows.Count;
        Procedures = [.. rows.Where(r => r.System is "cpt" or "snomed").Select(r => new MedicalEvaluationProcedure(r.Treatment, r.System, r.Code, r.Display))];
        _procedures = Procedures.ToFrozenDictionary(p => (p.System, p.Code), p => p.Treatment);
        _reasons = rows.GroupBy(r => r.Treatment).ToFrozenDictionary(g => g.Key, g => g.First().Reason);
        _drugs = new DrugMatcher<Box>(rows.Where(r => r.Treatment.IsMedication()).GroupBy(r => r.Treatment).Select(g =>
            (new Box(g.Key),
             g.Where(r => r.System == "rxnorm").Select(r => r.Code),
             g.Where(r => r.System == "atc").Select(r => r.Code),
             (IEnumerable<string>)[IngredientName(g.Key)])));
    }

    public int Rows { get; }

    /// <summary>The procedures (CPT, SNOMED CT) in file order: what a BH practitioner picks from when planning one.</summary>
    public IReadOnlyList<MedicalEvaluationProcedure> Procedures { get; }

    public static MedicalEvaluationTreatments Parse(string csv) => new([.. CsvRows.Parse(csv, Header).Select(f =>
        (MedicalEvaluationTreatmentFacts.Parse(f[0]), f[1].ToLowerInvariant(), f[2], f[3], f[4]))]);

    /// <summary>A planned procedure, by code system (<c>cpt</c> or <c>snomed</c>) and code.</summary>
    public MedicalEvaluationTreatment? MatchProcedure(string system, string code) =>
        _procedures.TryGetValue((system, code), out var treatment) ? treatment : null;

    /// <summary>A drug whose start needs a medical evaluation.</summary>
    public MedicalEvaluationTreatment? MatchDrug(string? rxNormCode, string? atcCode, string? displayText) =>
        _drugs.Match(rxNormCode, atcCode, displayText)?.Treatment;

    public string ReasonFor(MedicalEvaluationTreatment treatment) =>
        _reasons.TryGetValue(treatment, out var reason) ? reason : $"{treatment.Label()} needs a medical evaluation.";

    private static string IngredientName(MedicalEvaluationTreatment treatment) => treatment switch
    {
        MedicalEvaluationTreatment.Esketamine => "esketamine",
        MedicalEvaluationTreatment.KetamineInfusion => "ketamine",
        MedicalEvaluationTreatment.ClozapineStart => "clozapine",
        _ => "lithium",
    };

    // DrugMatcher maps to reference types; this carries the enum.
    private sealed record Box(MedicalEvaluationTreatment Treatment);
}

/// <summary>A procedure code on the T3 list: <paramref name="System"/> is <c>cpt</c> or <c>snomed</c>.</summary>
public sealed record MedicalEvaluationProcedure(MedicalEvaluationTreatment Treatment, string System, string Code, string Display);
