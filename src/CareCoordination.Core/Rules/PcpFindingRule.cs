using System.Globalization;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Rules;

/// <summary>
/// A PCP or other medical provider suspects a psychiatric or substance use problem during a medical exam: a suspected
/// F code, or a positive screen (PHQ-9 ≥ 10, GAD-7 ≥ 10, AUDIT-C ≥ 4 men / ≥ 3 women, DAST-10 ≥ 3). Any sign of suicidal
/// ideation (PHQ-9 item 9 above zero, R45.851, or reported) is urgent: due the same day, with crisis resources shown.
/// </summary>
internal static class PcpFindingRule
{
    public static void Apply(PcpFindingRecorded finding, RuleContext context)
    {
        if (finding.RecordedBy == ProviderKind.BehavioralHealthPractitioner)
        {
            return;
        }

        var screens = finding.Screens;
        var facts = new List<string>(4);
        var suicidal = finding.SuicidalIdeationReported;
        if (finding.SuicidalIdeationReported)
        {
            facts.Add("suicidal ideation reported");
        }

        if (finding.SuspectedCode is { } code)
        {
            if (code.IsSuicidalIdeation())
            {
                suicidal = true;
                facts.Add("suicidal ideation (R45.851)");
            }
            else if (code.IsMentalOrBehavioral() && !context.IsIgnoredNicotine(code))
            {
                facts.Add($"suspected {code.Value}");
            }
        }

        if (screens.SuicideRiskItemPositive)
        {
            suicidal = true;
            facts.Add($"PHQ-9 item 9 answered {Number(screens.Phq9Item9!.Value)} (above zero)");
        }

        if (screens.Phq9Positive)
        {
            facts.Add($"PHQ-9 {Number(screens.Phq9!.Value)} (positive at 10)");
        }

        if (screens.Gad7Positive)
        {
            facts.Add($"GAD-7 {Number(screens.Gad7!.Value)} (positive at 10)");
        }

        if (screens.AuditCPositive(finding.Sex))
        {
            var threshold = ScreeningResults.AuditCThreshold(finding.Sex);
            facts.Add($"AUDIT-C {Number(screens.AuditC!.Value)} (positive at {Number(threshold)}{(threshold == 4 ? " for men" : "")})");
        }

        if (screens.Dast10Positive)
        {
            facts.Add($"DAST-10 {Number(screens.Dast10!.Value)} (positive at 3)");
        }

        if (facts.Count == 0)
        {
            return;
        }

        var reason = suicidal
            ? $"Possible suicidal ideation: {string.Join("; ", facts)}. Same-day follow-up; share crisis resources (988)."
            : $"Suspected psychiatric or substance use problem: {string.Join("; ", facts)}.";
        context.Fire(CoordinationTrigger.PcpFinding, suicidal ? Priority.Urgent : Priority.High, reason, ManualText.PcpFinding, ContactPath.BhProviderServices);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
