using System.Globalization;
using CareCoordination.Core.Rules;

namespace CareCoordination.Web.Data;

/// <summary>
/// The rule settings an administrator has set for the plan (one row). Without it, the rules use configuration
/// (<c>Rules</c> section) or their documented defaults.
/// </summary>
public sealed class PlanRuleSettings
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public int UrgentBusinessDays { get; set; }

    public int HighBusinessDays { get; set; }

    public int RoutineBusinessDays { get; set; }

    public decimal DailyDoseChangeThreshold { get; set; }

    /// <summary>Ingredient names, comma separated.</summary>
    public string AnyDoseChangeIngredients { get; set; } = "";

    public bool NicotineCountsAsSubstanceUse { get; set; }

    /// <summary>ISO dates (yyyy-MM-dd), comma separated.</summary>
    public string Holidays { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedByUserId { get; set; } = "";

    public RuleSettings ToRuleSettings() => new()
    {
        ServiceLevels = new ServiceLevels
        {
            UrgentBusinessDays = UrgentBusinessDays,
            HighBusinessDays = HighBusinessDays,
            RoutineBusinessDays = RoutineBusinessDays,
            Holidays = [.. Split(Holidays).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
        },
        SignificantChange = new SignificantChangePolicy
        {
            DailyDoseChangeThreshold = DailyDoseChangeThreshold,
            AnyDoseChangeIngredients = [.. Split(AnyDoseChangeIngredients)],
        },
        NicotineCountsAsSubstanceUse = NicotineCountsAsSubstanceUse,
    };

    public void CopyFrom(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        UrgentBusinessDays = settings.ServiceLevels.UrgentBusinessDays;
        HighBusinessDays = settings.ServiceLevels.HighBusinessDays;
        RoutineBusinessDays = settings.ServiceLevels.RoutineBusinessDays;
        Holidays = string.Join(',', settings.ServiceLevels.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        DailyDoseChangeThreshold = settings.SignificantChange.DailyDoseChangeThreshold;
        AnyDoseChangeIngredients = string.Join(',', settings.SignificantChange.AnyDoseChangeIngredients);
        NicotineCountsAsSubstanceUse = settings.NicotineCountsAsSubstanceUse;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
