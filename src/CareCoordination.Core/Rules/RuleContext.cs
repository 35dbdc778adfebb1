using CareCoordination.Core.Coordination;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Rules;

/// <summary>What every rule needs while evaluating one event, and where it puts what fired.</summary>
internal sealed class RuleContext(ClinicalVocabulary vocabulary, RuleSettings settings, DateOnly today)
{
    public ClinicalVocabulary Vocabulary => vocabulary;

    public RuleSettings Settings => settings;

    public List<RuleOutcome> Outcomes { get; } = new(2);

    public void Fire(CoordinationTrigger trigger, Priority priority, string reason, string manualText, ContactPath path)
    {
        var levels = settings.ServiceLevels;
        var businessDays = priority switch
        {
            Priority.Urgent => levels.UrgentBusinessDays,
            Priority.High => levels.HighBusinessDays,
            _ => levels.RoutineBusinessDays,
        };
        Outcomes.Add(new RuleOutcome(trigger, priority, reason, manualText, Recipients.For(trigger), path,
            BusinessCalendar.AddBusinessDays(today, businessDays, levels.Holidays)));
    }

    public bool CountsAsSubstanceUse(Clinical.Icd10CmCode code) =>
        code.IsSubstanceUse() && (settings.NicotineCountsAsSubstanceUse || !code.IsNicotineDependence());

    /// <summary>Nicotine dependence alone is left to the PCP unless the plan says otherwise (see <see cref="RuleSettings"/>).</summary>
    public bool IsIgnoredNicotine(Clinical.Icd10CmCode code) => code.IsNicotineDependence() && !settings.NicotineCountsAsSubstanceUse;
}
