namespace CareCoordination.Core.Vocabularies;

/// <summary>The shipped catalog of psychotropic ingredients.</summary>
public sealed class Psychotropics
{
    public const string Header = "ingredient,atc,rxnorm,class,synonyms";

    private readonly DrugMatcher<PsychotropicIngredient> _matcher;

    public Psychotropics(IReadOnlyList<PsychotropicIngredient> ingredients)
    {
        Ingredients = ingredients;
        TypeAheadNames = [.. ingredients
            .SelectMany(i => i.Synonyms.Prepend(i.Name).Select(name => (Name: name, Ingredient: i)))
            .DistinctBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)];
        _matcher = new DrugMatcher<PsychotropicIngredient>(ingredients.Select(i =>
            (i, (IEnumerable<string>)i.RxNormCodes, (IEnumerable<string>)[i.AtcCode], i.Synonyms.Prepend(i.Name))));
    }

    public IReadOnlyList<PsychotropicIngredient> Ingredients { get; }

    /// <summary>Every ingredient name and brand synonym with the ingredient it names, alphabetically: the drug field's type-ahead.</summary>
    public IReadOnlyList<(string Name, PsychotropicIngredient Ingredient)> TypeAheadNames { get; }

    public static Psychotropics Parse(string csv) => new([.. CsvRows.Parse(csv, Header).Select(f => new PsychotropicIngredient(
        f[0].ToLowerInvariant(), f[1].ToUpperInvariant(), CsvRows.Values(f[2]), PsychotropicClassFacts.Parse(f[3]), [.. CsvRows.Values(f[4]).Select(s => s.ToLowerInvariant())]))]);

    public PsychotropicIngredient? Match(string? rxNormCode, string? atcCode, string? displayText) => _matcher.Match(rxNormCode, atcCode, displayText);
}
