using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Rules;

/// <summary>
/// The rules service: given what a clinician just recorded, whether coordination of care is encouraged, why, with whom,
/// how urgently and by when. A pure function of the event, the shipped vocabulary, the plan's settings and today's date.
/// </summary>
public sealed class CoordinationRules(ClinicalVocabulary vocabulary, RuleSettings settings)
{
    public RuleSettings Settings => settings;

    public IReadOnlyList<RuleOutcome> Evaluate(ClinicalEvent clinicalEvent, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(clinicalEvent);
        var context = new RuleContext(vocabulary, settings, today);
        switch (clinicalEvent)
        {
            case MedicationChanged change:
                PsychotropicChangeRule.Apply(change, context);
                MedicalEvaluationRule.Apply(change, context);
                break;
            case TreatmentPlanned plan:
                MedicalEvaluationRule.Apply(plan, context);
                break;
            case DiagnosesRecorded diagnoses:
                DiagnosisRules.Apply(diagnoses, context);
                break;
            case PcpFindingRecorded finding:
                PcpFindingRule.Apply(finding, context);
                break;
            case ReferralMade referral:
                ReferralRule.Apply(referral, context);
                break;
            default:
                throw new ArgumentException($"No rules know {clinicalEvent.GetType().Name}.", nameof(clinicalEvent));
        }

        return context.Outcomes;
    }
}
