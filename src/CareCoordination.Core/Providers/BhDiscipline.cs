namespace CareCoordination.Core.Providers;

public enum BhDiscipline
{
    Psychiatrist,
    PsychiatricNursePractitioner,
    Psychologist,
    ClinicalSocialWorker,
    MarriageAndFamilyTherapist,
    ProfessionalCounselor,
    AddictionCounselor,
}

public static class BhDisciplineFacts
{
    /// <summary>
    /// Whether any US state lets this discipline prescribe. Counselors, social workers and therapists never do;
    /// psychologists may in a few states, so for them it is a credential recorded per provider.
    /// </summary>
    public static bool MayHoldPrescriptiveAuthority(this BhDiscipline discipline) => discipline switch
    {
        BhDiscipline.Psychiatrist or BhDiscipline.PsychiatricNursePractitioner or BhDiscipline.Psychologist => true,
        _ => false,
    };

    public static string Label(this BhDiscipline discipline) => discipline switch
    {
        BhDiscipline.Psychiatrist => "Psychiatrist",
        BhDiscipline.PsychiatricNursePractitioner => "Psychiatric nurse practitioner",
        BhDiscipline.Psychologist => "Psychologist",
        BhDiscipline.ClinicalSocialWorker => "Licensed clinical social worker",
        BhDiscipline.MarriageAndFamilyTherapist => "Licensed marriage and family therapist",
        BhDiscipline.ProfessionalCounselor => "Licensed professional counselor",
        BhDiscipline.AddictionCounselor => "Addiction counselor",
        _ => discipline.ToString(),
    };
}
