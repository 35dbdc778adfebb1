using System.Globalization;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Rules;

/// <summary>
/// T1: a BH practitioner begins prescribing a psychotropic or significantly changes the regimen. Significant, by
/// default: a new ingredient for the member (a start, a switch or an added agent), a discontinuation, a daily-dose change
/// of 50% or more, or any dose change of lithium or clozapine.
/// </summary>
internal static class PsychotropicChangeRule
{
    public static void Apply(MedicationChanged change, RuleContext context)
    {
        if (change.RecordedBy != ProviderKind.BehavioralHealthPractitioner)
        {
            return;
        }

        var catalog = context.Vocabulary.Psychotropics;
        var started = Match(catalog, change.Started);
        var stopped = Match(catalog, change.Stopped);
        var reason = (started, stopped) switch
        {
            (null, null) => null,
            (null, { } ended) => Discontinued(ended, change.StopReason),
            ({ } begun, { } ended) when begun == ended => DoseChange(begun, change.Stopped!, change.Started!, context.Settings.SignificantChange),
            ({ } begun, { } ended) => $"Switched from {ended.Name} to {begun.Name} ({begun.Class.Label()}).",
            ({ } begun, null) => Added(begun, change, catalog, context.Settings.SignificantChange),
        };

        if (reason is not null)
        {
            context.Fire(CoordinationTrigger.PsychotropicStartOrChange, Priority.High, reason, ManualText.PsychotropicStartOrChange, ContactPath.PcpOffice);
        }
    }

    private static PsychotropicIngredient? Match(Psychotropics catalog, MedicationFact? medication) =>
        medication is null ? null : catalog.Match(medication.RxNormCode, medication.AtcCode, medication.DrugText);

    private static string Discontinued(PsychotropicIngredient ingredient, string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? $"{Capitalized(ingredient.Name)} ({ingredient.Class.Label()}) was discontinued."
            : $"{Capitalized(ingredient.Name)} ({ingredient.Class.Label()}) was discontinued: {reason.Trim()}.";

    /// <summary>A start with no stop: a first psychotropic, an added agent, or a new order for an ingredient already taken.</summary>
    private static string? Added(PsychotropicIngredient begun, MedicationChanged change, Psychotropics catalog, SignificantChangePolicy policy)
    {
        string? alongside = null;
        var others = 0;
        foreach (var active in change.ActiveBefore)
        {
            var ingredient = catalog.Match(active.RxNormCode, active.AtcCode, active.DrugText);
            if (ingredient is null)
            {
                continue;
            }

            if (ingredient == begun)
            {
                return DoseChange(begun, active, change.Started!, policy);
            }

            alongside ??= ingredient.Name;
            others++;
        }

        return alongside is null
            ? $"{Capitalized(begun.Name)} ({begun.Class.Label()}) is a new psychotropic for this member; no psychotropic was active before."
            : $"{Capitalized(begun.Name)} ({begun.Class.Label()}) was added to {alongside}{(others > 1 ? $" and {others - 1} other psychotropic(s)" : "")}.";
    }

    private static string? DoseChange(PsychotropicIngredient ingredient, MedicationFact before, MedicationFact after, SignificantChangePolicy policy)
    {
        var monitored = policy.AnyDoseChangeIngredients.Contains(ingredient.Name, StringComparer.OrdinalIgnoreCase);
        var comparable = before.DailyDose is not null && after.DailyDose is not null
            && string.Equals(before.DoseUnit, after.DoseUnit, StringComparison.OrdinalIgnoreCase);
        if (!comparable)
        {
            return $"{Capitalized(ingredient.Name)} regimen changed and the daily doses cannot be compared (as needed, or different units), so it is treated as significant.";
        }

        var from = before.DailyDose!.Value;
        var to = after.DailyDose!.Value;
        if (from == to)
        {
            return null;
        }

        var doses = $"{Capitalized(ingredient.Name)} daily dose changed from {Amount(from)} {before.DoseUnit} to {Amount(to)} {after.DoseUnit}";
        if (monitored)
        {
            return $"{doses}; any {ingredient.Name} dose change is significant ({MonitoringWhy(ingredient)}).";
        }

        if (from == 0)
        {
            return $"{doses}.";
        }

        var fraction = Math.Abs(to - from) / from;
        return fraction >= policy.DailyDoseChangeThreshold
            ? $"{doses} ({(to > from ? "+" : "-")}{Percent(fraction)}), at or above the {Percent(policy.DailyDoseChangeThreshold)} threshold."
            : null;
    }

    private static string MonitoringWhy(PsychotropicIngredient ingredient) => ingredient.Class switch
    {
        PsychotropicClass.Lithium => "narrow therapeutic index, level monitoring",
        _ when ingredient.Name == "clozapine" => "ANC and level monitoring",
        _ => "monitoring drug",
    };

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Capitalized(string name) => string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
}
