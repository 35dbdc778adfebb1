using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Vocabularies;

/// <summary>ICD-10-CM ranges the coordination rules reason about. Chapter F is "Mental, Behavioral and Neurodevelopmental disorders".</summary>
public static class Icd10Classes
{
    public static bool IsMentalOrBehavioral(this Icd10CmCode code) => InRange(code, "F01", "F99");

    /// <summary>F10–F19: mental and behavioral disorders due to psychoactive substance use (nicotine, F17, among them).</summary>
    public static bool IsSubstanceUse(this Icd10CmCode code) => InRange(code, "F10", "F19");

    public static bool IsNicotineDependence(this Icd10CmCode code) => code.Category == "F17";

    /// <summary>F43.2x adjustment disorders: the manual's example of what is not a major mental illness.</summary>
    public static bool IsAdjustmentDisorder(this Icd10CmCode code) => code.Value.StartsWith("F43.2", StringComparison.Ordinal);

    /// <summary>F20–F29 schizophrenia spectrum and F30–F31 mania and bipolar disorder.</summary>
    public static bool IsPsychoticOrBipolar(this Icd10CmCode code) => InRange(code, "F20", "F31");

    /// <summary>
    /// Symptoms of cognition, perception, emotional state and behavior (R41, R44–R46, e.g. R45.851 suicidal ideations):
    /// behavioral findings, not medical conditions, though they sit outside chapter F.
    /// </summary>
    public static bool IsBehavioralSymptom(this Icd10CmCode code) => code.Category == "R41" || InRange(code, "R44", "R46");

    /// <summary>R45.851 suicidal ideations.</summary>
    public static bool IsSuicidalIdeation(this Icd10CmCode code) => code.Value == "R45.851";

    public static bool InRange(Icd10CmCode code, string fromCategory, string toCategory)
    {
        ArgumentNullException.ThrowIfNull(code);
        var category = code.Category;
        return string.CompareOrdinal(category, fromCategory) >= 0 && string.CompareOrdinal(category, toCategory) <= 0;
    }
}
