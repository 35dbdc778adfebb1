namespace CareCoordination.Core.Vocabularies;

/// <summary>Treatments a BH practitioner may plan that need a medical evaluation first (T3), with why in a PCP's words.</summary>
public enum MedicalEvaluationTreatment
{
    ElectroconvulsiveTherapy,
    TranscranialMagneticStimulation,
    Esketamine,
    KetamineInfusion,
    ClozapineStart,
    LithiumStart,
}

public static class MedicalEvaluationTreatmentFacts
{
    public static MedicalEvaluationTreatment Parse(string text) => text switch
    {
        "ect" => MedicalEvaluationTreatment.ElectroconvulsiveTherapy,
        "tms" => MedicalEvaluationTreatment.TranscranialMagneticStimulation,
        "esketamine" => MedicalEvaluationTreatment.Esketamine,
        "ketamine-infusion" => MedicalEvaluationTreatment.KetamineInfusion,
        "clozapine-start" => MedicalEvaluationTreatment.ClozapineStart,
        "lithium-start" => MedicalEvaluationTreatment.LithiumStart,
        _ => throw new FormatException($"Unknown treatment '{text}'."),
    };

    public static string Label(this MedicalEvaluationTreatment treatment) => treatment switch
    {
        MedicalEvaluationTreatment.ElectroconvulsiveTherapy => "electroconvulsive therapy (ECT)",
        MedicalEvaluationTreatment.TranscranialMagneticStimulation => "transcranial magnetic stimulation (TMS)",
        MedicalEvaluationTreatment.Esketamine => "esketamine",
        MedicalEvaluationTreatment.KetamineInfusion => "ketamine infusion",
        MedicalEvaluationTreatment.ClozapineStart => "clozapine start",
        MedicalEvaluationTreatment.LithiumStart => "lithium start",
        _ => treatment.ToString(),
    };

    /// <summary>Medication treatments count from their start; procedures whenever they are planned.</summary>
    public static bool IsMedication(this MedicalEvaluationTreatment treatment) =>
        treatment is not (MedicalEvaluationTreatment.ElectroconvulsiveTherapy or MedicalEvaluationTreatment.TranscranialMagneticStimulation);
}
