using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Rules;

/// <summary>
/// T3: a BH practitioner considers a treatment that needs a medical evaluation: ECT and TMS when planned; esketamine,
/// ketamine infusion, clozapine and lithium when started (not on a dose change of a drug already taken).
/// </summary>
internal static class MedicalEvaluationRule
{
    public static void Apply(TreatmentPlanned plan, RuleContext context)
    {
        if (plan.RecordedBy != ProviderKind.BehavioralHealthPractitioner)
        {
            return;
        }

        var treatments = context.Vocabulary.MedicalEvaluationTreatments;
        if (treatments.MatchProcedure(plan.CodeSystem.ToLowerInvariant(), plan.Code.Trim()) is { } treatment)
        {
            Fire(treatment, $"{Capitalized(treatment.Label())} is planned ({plan.CodeSystem.ToUpperInvariant()} {plan.Code.Trim()})", context);
        }
    }

    public static void Apply(MedicationChanged change, RuleContext context)
    {
        if (change.RecordedBy != ProviderKind.BehavioralHealthPractitioner || change.Started is not { } started)
        {
            return;
        }

        if (MatchDrug(started, context.Vocabulary) is not { } treatment)
        {
            return;
        }

        // Already taking it (the stopped order counts, whether or not the caller also listed it as active): a dose change, which T1 judges.
        if ((change.Stopped is { } stopped && MatchDrug(stopped, context.Vocabulary) == treatment)
            || change.ActiveBefore.Any(active => MatchDrug(active, context.Vocabulary) == treatment))
        {
            return;
        }

        Fire(treatment, $"{Capitalized(treatment.Label())}: {started.DrugText}", context);
    }

    /// <summary>
    /// The T3 drug a medication is, by its own codes or ingredient name, or else through the psychotropic catalog, so that
    /// a brand name alone ("Clozaril", "Lithobid", "Spravato") is recognised as the ingredient it is.
    /// </summary>
    private static MedicalEvaluationTreatment? MatchDrug(MedicationFact drug, ClinicalVocabulary vocabulary)
    {
        var treatments = vocabulary.MedicalEvaluationTreatments;
        return treatments.MatchDrug(drug.RxNormCode, drug.AtcCode, drug.DrugText)
            ?? (vocabulary.Psychotropics.Match(drug.RxNormCode, drug.AtcCode, drug.DrugText) is { } ingredient
                ? treatments.MatchDrug(null, ingredient.AtcCode, ingredient.Name)
                : null);
    }

    private static void Fire(MedicalEvaluationTreatment treatment, string what, RuleContext context) =>
        context.Fire(CoordinationTrigger.TreatmentNeedingMedicalEvaluation, Priority.High,
            $"{what}. {context.Vocabulary.MedicalEvaluationTreatments.ReasonFor(treatment)} The PCP is asked for a medical evaluation.",
            ManualText.TreatmentNeedingMedicalEvaluation, ContactPath.PcpOffice);

    private static string Capitalized(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
