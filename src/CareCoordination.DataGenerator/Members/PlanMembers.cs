using CareCoordination.Core.Members;

namespace CareCoordination.DataGenerator.Members;

/// <summary>The behavioral health story a member's record tells, or none (most members).</summary>
internal enum BhProfile
{
    None,
    Depression,
    Anxiety,
    Bipolar,
    Psychotic,
    AlcoholUse,
    OpioidUse,
    OtherSubstanceUse,
    Trauma,
    Adhd,
    EatingDisorder,
    Dementia,
    Neurodevelopmental,
}

internal sealed class MemberRow
{
    public required int Id { get; init; }

    public required string PlanMemberId { get; init; }

    public required string GivenName { get; init; }

    public required string FamilyName { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    public required AdministrativeSex Sex { get; init; }

    public required string? Phone { get; init; }

    public required int PpgId { get; init; }

    public required int? PcpId { get; init; }

    public required DateOnly EnrollmentDate { get; init; }

    /// <summary>Set here, and for the bench's busy members raised from none, before their care is generated.</summary>
    public BhProfile Profile { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";

    public int AgeOn(DateOnly day) => Member.AgeOn(DateOfBirth, day);
}

/// <summary>The members (ids from 1, in list order) and the bench PCP's panel.</summary>
internal sealed class PlanMembers(IReadOnlyList<MemberRow> all, IReadOnlyList<int> benchPanel)
{
    public IReadOnlyList<MemberRow> All => all;

    public IReadOnlyList<int> BenchPanel => benchPanel;

    public MemberRow this[int id] => all[id - 1];
}
