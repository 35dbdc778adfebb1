using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Tests.Rules;

/// <summary>The shipped vocabulary files, read once from the test output (the Core project copies them there).</summary>
public sealed class RulesFixture
{
    public RulesFixture() => Vocabulary = ClinicalVocabulary.Parse(name =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "Data", name)));

    public ClinicalVocabulary Vocabulary { get; }

    public CoordinationRules Rules(RuleSettings? settings = null) => new(Vocabulary, settings ?? RuleSettings.Default);
}

[CollectionDefinition(Name)]
public sealed class RulesCollection : ICollectionFixture<RulesFixture>
{
    public const string Name = "Coordination rules on the shipped vocabulary";
}

/// <summary>Known days to evaluate on, so due dates are exact.</summary>
public static class Days
{
    /// <summary>Friday after Thanksgiving 2026: high work is due the next Tuesday, routine the next Friday.</summary>
    public static readonly DateOnly Friday = new(2026, 11, 27);

    public static readonly DateOnly Saturday = new(2026, 11, 28);

    public static readonly DateOnly Monday = new(2026, 11, 30);

    public static readonly DateOnly Tuesday = new(2026, 12, 1);

    public static readonly DateOnly Wednesday = new(2026, 12, 2);

    public static readonly DateOnly NextFriday = new(2026, 12, 4);

    public static readonly DateOnly NextMonday = new(2026, 12, 7);

    public static readonly DateOnly ChristmasEve = new(2026, 12, 24);

    public static readonly DateOnly Christmas = new(2026, 12, 25);
}
