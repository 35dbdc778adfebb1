namespace CareCoordination.Core.Rules;

/// <summary>The configurable parts of the rules. The defaults are the documented ones (docs/rules.md).</summary>
public sealed record RuleSettings
{
    public static RuleSettings Default { get; } = new();

    public SignificantChangePolicy SignificantChange { get; init; } = new();

    public ServiceLevels ServiceLevels { get; init; } = new();

    /// <summary>
    /// Whether nicotine dependence (F17) alone counts as a substance use disorder for T2. Off by default: it is common,
    /// the PCP usually manages it, and flagging it would bury the coordination that matters.
    /// </summary>
    public bool NicotineCountsAsSubstanceUse { get; init; }
}

/// <summary>What makes a change to a psychotropic regimen "significant" (T1).</summary>
public sealed record SignificantChangePolicy
{
    /// <summary>A daily-dose change of at least this fraction of the old dose (0.5 = 50%).</summary>
    public decimal DailyDoseChangeThreshold { get; init; } = 0.5m;

    /// <summary>Ingredients whose every dose change is significant (narrow therapeutic index or blood monitoring).</summary>
    public IReadOnlyList<string> AnyDoseChangeIngredients { get; init; } = ["lithium", "clozapine"];
}

/// <summary>Due dates by priority, in business days (weekends and the plan's holidays do not count).</summary>
public sealed record ServiceLevels
{
    public int UrgentBusinessDays { get; init; }

    public int HighBusinessDays { get; init; } = 2;

    public int RoutineBusinessDays { get; init; } = 5;

    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];
}
