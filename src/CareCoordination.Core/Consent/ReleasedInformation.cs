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
}
