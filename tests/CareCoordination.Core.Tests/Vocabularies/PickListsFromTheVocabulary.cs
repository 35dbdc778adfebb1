using CareCoordination.Core.Tests.Rules;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Core.Tests.Vocabularies;

/// <summary>The lists clinicians pick from are the shipped vocabulary itself, so what they pick is what the rules match.</summary>
[Collection(RulesCollection.Name)]
public class PickListsFromTheVocabulary(RulesFixture fixture)
{
    [Fact]
    public void Planned_procedures_are_the_cpt_and_snomed_rows_in_file_order()
    {
        var procedures = fixture.Vocabulary.MedicalEvaluationTreatments.Procedures;

        Assert.Equal(
            ["cpt 90870", "snomed 23835007", "snomed 1010697006", "cpt 90867", "cpt 90868", "cpt 90869"],
            procedures.Select(p => $"{p.System} {p.Code}"));
        var ect = procedures[0];
        Assert.Equal((MedicalEvaluationTreatment.ElectroconvulsiveTherapy, "Electroconvulsive therapy (includes necessary monitoring)"), (ect.Treatment, ect.Display));
        Assert.All(procedures, p => Assert.Equal(p.Treatment, fixture.Vocabulary.MedicalEvaluationTreatments.MatchProcedure(p.System, p.Code)));
    }

    [Fact]
    public void Drug_type_ahead_offers_each_ingredient_and_brand_once_alphabetically()
    {
        var psychotropics = fixture.Vocabulary.Psychotropics;
        var names = psychotropics.TypeAheadNames;

        Assert.Contains(names, n => n.Name == "sertraline" && n.Ingredient.AtcCode == "N06AB06");
        Assert.Contains(names, n => n.Name == "zoloft" && n.Ingredient.Name == "sertraline");
        Assert.Contains(names, n => n.Name == "lithobid" && n.Ingredient.Name == "lithium");
        Assert.Equal(names.Count, names.Select(n => n.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(names.Select(n => n.Name).Order(StringComparer.OrdinalIgnoreCase), names.Select(n => n.Name));
        Assert.All(psychotropics.Ingredients, i => Assert.Contains(names, n => n.Name == i.Name));
        // Whatever is picked from the list matches the ingredient it was offered for.
        Assert.All(names, n => Assert.Equal(n.Ingredient, psychotropics.Match(null, null, n.Name)));
    }
}
