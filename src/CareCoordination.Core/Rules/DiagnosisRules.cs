using System.Text;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Rules;

/// <summary>
/// T2 and the BH discovery path, from diagnoses a BH practitioner records.
/// <list type="bullet">
/// <item>Intake of a member new to the practitioner: T2 when they report a concurrent chronic medical condition, a
/// substance use disorder (F10–F19) or a major mental illness (any other F code but an adjustment disorder, F43.2x).</item>
/// <item>An established member: T2 for a new, reactivated or worsened mental or behavioral diagnosis (behavioral symptoms
/// such as R45.851 included), or a known medical condition that reactivated or worsened; BH-MEDICAL-FINDING for a newly
/// discovered medical condition.</item>
/// </list>
/// Nicotine dependence (F17) alone fires nothing unless the plan counts it (<see cref="RuleSettings.NicotineCountsAsSubstanceUse"/>).
/// </summary>
internal static class DiagnosisRules
{
    private const int NamedPerGroup = 3;

    public static void Apply(DiagnosesRecorded recorded, RuleContext context)
    {
        if (recorded.RecordedBy != ProviderKind.BehavioralHealthPractitioner)
        {
            return;
        }

        if (recorded.MemberIsNewToPractitioner)
        {
            Intake(recorded.Diagnoses, context);
        }
        else
        {
            Established(recorded.Diagnoses, context);
        }
    }

    private static void Intake(IReadOnlyList<DiagnosisFact> diagnoses, RuleContext context)
    {
        var substance = new Group("a substance use disorder");
        var mental = new Group("a major mental illness");
        var medical = new Group("a concurrent medical condition");
        var serious = false;
        foreach (var diagnosis in diagnoses)
        {
            var code = diagnosis.Code;
            if (context.CountsAsSubstanceUse(code))
            {
                substance.Add(code);
                serious = true;
            }
            else if (code.IsMentalOrBehavioral() && !code.IsSubstanceUse() && !code.IsAdjustmentDisorder())
            {
                mental.Add(code);
                serious |= code.IsPsychoticOrBipolar();
            }
            else if (!code.IsMentalOrBehavioral() && context.Vocabulary.ChronicConditions.GroupOf(code) is not null)
            {
                medical.Add(code);
            }
        }

        var found = Join(substance, mental, medical);
        if (found is not null)
        {
            context.Fire(CoordinationTrigger.NewMemberComorbidityOrChange, serious ? Priority.High : Priority.Routine,
                $"New member reports {found}.", ManualText.NewMemberComorbidityOrChange, ContactPath.PcpOffice);
        }
    }

    private static void Established(IReadOnlyList<DiagnosisFact> diagnoses, RuleContext context)
    {
        var newlyDiagnosed = new Group("new");
        var reactivated = new Group("active again");
        var worsened = new Group("worse");
        var discovered = new Group("");
        var serious = false;
        foreach (var diagnosis in diagnoses)
        {
            var code = diagnosis.Code;
            if (diagnosis.Change == DiagnosisChange.Unchanged || context.IsIgnoredNicotine(code))
            {
                continue;
            }

            if (!code.IsMentalOrBehavioral() && !code.IsBehavioralSymptom() && diagnosis.Change == DiagnosisChange.New)
            {
                discovered.Add(code, diagnosis.Description);
                continue;
            }

            serious |= context.CountsAsSubstanceUse(code) || code.IsPsychoticOrBipolar() || code.IsSuicidalIdeation();
            (diagnosis.Change switch
            {
                DiagnosisChange.New => newlyDiagnosed,
                DiagnosisChange.Reactivated => reactivated,
                _ => worsened,
            }).Add(code);
        }

        var changes = Join(newlyDiagnosed, reactivated, worsened);
        if (changes is not null)
        {
            context.Fire(CoordinationTrigger.NewMemberComorbidityOrChange, serious ? Priority.High : Priority.Routine,
                $"Established member's condition changed: {changes}.", ManualText.NewMemberComorbidityOrChange, ContactPath.PcpOffice);
        }

        if (discovered.Count > 0)
        {
            context.Fire(CoordinationTrigger.BhMedicalFinding, Priority.Routine,
                $"After the initial assessment, a medical condition was found: {discovered.Describe()}.",
                ManualText.BhMedicalFinding, ContactPath.PcpOffice);
        }
    }

    /// <summary>"label (codes), label (codes) and label (codes)" for the groups that hold codes, or null when none do.</summary>
    private static string? Join(Group first, Group second, Group third)
    {
        var filled = (first.Count > 0 ? 1 : 0) + (second.Count > 0 ? 1 : 0) + (third.Count > 0 ? 1 : 0);
        if (filled == 0)
        {
            return null;
        }

        var text = new StringBuilder(160);
        var written = 0;
        foreach (var group in (ReadOnlySpan<Group>)[first, second, third])
        {
            if (group.Count == 0)
            {
                continue;
            }

            text.Append(written == 0 ? "" : written == filled - 1 ? " and " : ", ");
            group.Describe(text, withLabel: true);
            written++;
        }

        return text.ToString();
    }

    /// <summary>Codes of one kind, named in the reason (the first few, then a count).</summary>
    private sealed class Group(string label)
    {
        private readonly (Icd10CmCode Code, string? Description)[] _named = new (Icd10CmCode, string?)[NamedPerGroup];

        public int Count { get; private set; }

        public void Add(Icd10CmCode code, string? description = null)
        {
            if (Count < NamedPerGroup)
            {
                _named[Count] = (code, string.IsNullOrWhiteSpace(description) ? null : description.Trim());
            }

            Count++;
        }

        public void Describe(StringBuilder text, bool withLabel)
        {
            if (withLabel)
            {
                text.Append(label).Append(" (");
            }

            for (var i = 0; i < Math.Min(Count, NamedPerGroup); i++)
            {
                var (code, description) = _named[i];
                text.Append(i == 0 ? "" : ", ").Append(code.Value);
                if (description is not null)
                {
                    text.Append(' ').Append(description);
                }
            }

            if (Count > NamedPerGroup)
            {
                text.Append(" and ").Append(Count - NamedPerGroup).Append(" more");
            }

            if (withLabel)
            {
                text.Append(')');
            }
        }

        public string Describe()
        {
            var text = new StringBuilder(80);
            Describe(text, withLabel: false);
            return text.ToString();
        }
    }
}
