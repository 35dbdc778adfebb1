using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Members;

public sealed class Member
{
    public int Id { get; private set; }

    /// <summary>The identifier on the member's plan ID card. PHI: never put it in a URL or a log.</summary>
    public required string PlanMemberId { get; init; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public AdministrativeSex Sex { get; set; }

    public string? Phone { get; set; }

    public int PpgId { get; set; }

    public ParticipatingPhysicianGroup Ppg { get; private set; } = null!;

    /// <summary>The assigned primary care physician; a newly enrolled member may not have one yet.</summary>
    public int? PcpId { get; set; }

    public Provider? Pcp { get; private set; }

    public DateOnly EnrollmentDate { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";

    /// <summary>Age in whole years on a day, counting a 29 February birthday as reached on 28 February in other years.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
