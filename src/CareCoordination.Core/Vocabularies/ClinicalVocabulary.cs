namespace CareCoordination.Core.Vocabularies;

/// <summary>
/// Everything the rules look up, parsed from the versioned files in Vocabularies/Data. The caller reads the files
/// (the core does no I/O) and hands over their text by file name.
/// </summary>
public sealed record ClinicalVocabulary(
    Psychotropics Psychotropics,
    ChronicConditions ChronicConditions,
    MedicalEvaluationTreatments MedicalEvaluationTreatments,
    CommonDiagnoses CommonDiagnoses)
{
    public const string PsychotropicsFile = "psychotropics.v1.csv";
    public const string ChronicConditionsFile = "chronic-conditions.v1.csv";
    public const string MedicalEvaluationTreatmentsFile = "medical-evaluation-treatments.v1.csv";
    public const string CommonDiagnosesFile = "icd10cm-common.v1.csv";

    public static ClinicalVocabulary Parse(Func<string, string> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        return new(
            Psychotropics.Parse(readFile(PsychotropicsFile)),
            ChronicConditions.Parse(readFile(ChronicConditionsFile)),
            MedicalEvaluationTreatments.Parse(readFile(MedicalEvaluationTreatmentsFile)),
            CommonDiagnoses.Parse(readFile(CommonDiagnosesFile)));
    }
}
