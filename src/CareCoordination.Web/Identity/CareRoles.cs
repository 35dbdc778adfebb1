namespace CareCoordination.Web.Identity;

public static class CareRoles
{
    public const string Pcp = nameof(Pcp);
    public const string BhClinician = nameof(BhClinician);
    public const string CareManager = nameof(CareManager);
    public const string Admin = nameof(Admin);

    /// <summary>The plan's privacy office (health information management): verifies releases and reviews emergency access.</summary>
    public const string PrivacyOfficer = nameof(PrivacyOfficer);

    public static IReadOnlyList<string> All { get; } = [Pcp, BhClinician, CareManager, Admin, PrivacyOfficer];

    /// <summary>Roles whose work is a member's clinical record; each is further limited by <see cref="MemberAccess"/>.</summary>
    public static IReadOnlyList<string> Clinical { get; } = [Pcp, BhClinician, CareManager];
}
