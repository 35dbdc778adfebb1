using CareCoordination.Core.Clinical;
using CareCoordination.Core.Members;

namespace CareCoordination.DataGenerator.Clinical;

/// <summary>One member's care, as the coordination history draws on it.</summary>
internal sealed class MemberCare
{
    public List<Diagnosis> BhDiagnoses { get; } = [];

    public List<Diagnosis> MedicalConditions { get; } = [];

    /// <summary>Psychotropic orders not stopped, with the regimen each was written from.</summary>
    public List<(MedicationOrder Order, Regimen Regimen)> Psychotropics { get; } = [];

    /// <summary>Other drugs (for chronic conditions), not stopped.</summary>
    public List<(MedicationOrder Order, Regimen Regimen)> MedicalDrugs { get; } = [];

    /// <summary>The BH prescriber and therapist treating the member now, when there are.</summary>
    public int? PrescriberId { get; set; }

    public int? TherapistId { get; set; }

    public bool OnLithiumOrClozapine => Psychotropics.Exists(p => p.Regimen.Ingredient is "lithium" or "clozapine");

    public bool OnAntipsychotic => Psychotropics.Exists(p => p.Regimen.Psychotropic?.Class == Core.Vocabularies.PsychotropicClass.Antipsychotic);
}

/// <summary>Problem lists, medications and care relationships (ids from 1 in list order), and the bench psychiatrist's caseload.</summary>
internal sealed class PlanCare(MemberCare[] byMember, List<Condition> conditions, List<MedicationOrder> orders, List<CareRelationship> relationships,
    IReadOnlyList<int> benchCaseload, IReadOnlyList<int> busyMembers)
{
    /// <summary>Indexed by member id (index 0 unused).</summary>
    public MemberCare[] ByMember => byMember;

    public List<Condition> Conditions => conditions;

    public List<MedicationOrder> Orders => orders;

    public List<CareRelationship> Relationships => relationships;

    /// <summary>Members the bench psychiatrist is actively treating.</summary>
    public IReadOnlyList<int> BenchCaseload => benchCaseload;

    /// <summary>On the bench PCP's panel and in the bench psychiatrist's caseload, with long timelines.</summary>
    public IReadOnlyList<int> BusyMembers => busyMembers;
}
