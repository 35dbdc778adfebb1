namespace CareCoordination.Core.Vocabularies;

public enum PsychotropicClass
{
    Antipsychotic,
    Lithium,
    Anxiolytic,
    Hypnotic,
    Antidepressant,
    Psychostimulant,
    MoodStabilizer,
    AlcoholDependence,
    OpioidDependence,
    NicotineDependence,
}

public static class PsychotropicClassFacts
{
    public static PsychotropicClass Parse(string text) => text switch
    {
        "antipsychotic" => PsychotropicClass.Antipsychotic,
        "lithium" => PsychotropicClass.Lithium,
        "anxiolytic" => PsychotropicClass.Anxiolytic,
        "hypnotic" => PsychotropicClass.Hypnotic,
        "antidepressant" => PsychotropicClass.Antidepressant,
        "psychostimulant" => PsychotropicClass.Psychostimulant,
        "mood-stabilizer" => PsychotropicClass.MoodStabilizer,
        "alcohol-dependence" => PsychotropicClass.AlcoholDependence,
        "opioid-dependence" => PsychotropicClass.OpioidDependence,
        "nicotine-dependence" => PsychotropicClass.NicotineDependence,
        _ => throw new FormatException($"Unknown psychotropic class '{text}'."),
    };

    public static string Label(this PsychotropicClass psychotropicClass) => psychotropicClass switch
    {
        PsychotropicClass.Antipsychotic => "antipsychotic",
        PsychotropicClass.Lithium => "mood stabilizer",
        PsychotropicClass.Anxiolytic => "anxiolytic",
        PsychotropicClass.Hypnotic => "hypnotic",
        PsychotropicClass.Antidepressant => "antidepressant",
        PsychotropicClass.Psychostimulant => "psychostimulant",
        PsychotropicClass.MoodStabilizer => "mood stabilizer",
        PsychotropicClass.AlcoholDependence => "alcohol dependence treatment",
        PsychotropicClass.OpioidDependence => "opioid dependence treatment",
        PsychotropicClass.NicotineDependence => "nicotine dependence treatment",
        _ => psychotropicClass.ToString(),
    };
}
