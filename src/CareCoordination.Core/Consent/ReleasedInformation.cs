namespace CareCoordination.Core.Consent;

/// <summary>The classes of information a release names. A psychotherapy-notes authorization must name that class alone.</summary>
[Flags]
public enum ReleasedInformation
{
    None = 0,
    PsychotherapyNotes = 1,
    SubstanceUseDisorderRecords = 2,
    MentalHealthRecords = 4,
    MedicalRecords = 8,
    SudCounselingNotes = 16,
}

public static class ReleasedInformationFacts
{
    /// <summary>Each class a release can name, in the order a form lists them.</summary>
    public static IReadOnlyList<ReleasedInformation> Classes { get; } =
    [
        ReleasedInformation.PsychotherapyNotes,
        ReleasedInformation.SubstanceUseDisorderRecords,
        ReleasedInformation.MentalHealthRecords,
        ReleasedInformation.MedicalRecords,
        ReleasedInformation.SudCounselingNotes,
    ];

    /// <summary>The classes named, in words: "psychotherapy notes, mental health records".</summary>
    public static string Label(this ReleasedInformation information) => information == ReleasedInformation.None
        ? "nothing named"
        : string.Join(", ", Classes.Where(c => information.HasFlag(c)).Select(c => c switch
        {
            ReleasedInformation.PsychotherapyNotes => "psychotherapy notes",
            ReleasedInformation.SubstanceUseDisorderRecords => "Part 2 SUD records",
            ReleasedInformation.MentalHealthRecords => "mental health records",
            ReleasedInformation.SudCounselingNotes => "SUD counseling notes",
            _ => "medical records",
        }));

    /// <summary>The flags a form's checked boxes stand for together.</summary>
    public static ReleasedInformation Combine(IEnumerable<ReleasedInformation> checkedClasses)
    {
        ArgumentNullException.ThrowIfNull(checkedClasses);
        return checkedClasses.Aggregate(ReleasedInformation.None, (all, one) => all | one);
    }
}
