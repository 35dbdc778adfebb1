namespace CareCoordination.DataGenerator;

/// <summary>
/// How many of everything, from the number of members. At 100,000 members: 2,000,000 coordination events, 500,000 tasks
/// (50,000 open), 5,000 releases, 1,000,000 audit entries, 200 care managers and 1,500 providers in 40 PPGs. The people
/// and groups scale down in proportion, but never below a few of each, so a small plan still has every role.
/// </summary>
public sealed record PlanSize(int Members)
{
    private const double FullSize = 100_000;

    public int Events => Members * 20;

    public int Tasks => Members * 5;

    public int OpenTasks => Members / 2;

    public int Releases => Members / 20;

    public int AuditEntries => Members * 10;

    public int CareManagers => Scaled(200, 3);

    public int Ppgs => Scaled(40, 3);

    public int Pcps => Scaled(825, 4);

    public int OtherMedicalProviders => Scaled(120, 1);

    public int BhPractitioners => Scaled(555, 6);

    public int Providers => Pcps + OtherMedicalProviders + BhPractitioners;

    public int Administrators => Scaled(10, 2);

    public int EmergencyGrants => Scaled(50, 1);

    /// <summary>The bench PCP's panel: a realistic 60-100, but no more than a quarter of a small plan.</summary>
    public int BenchPanel => Math.Min(80, Members / 4);

    /// <summary>The bench psychiatrist's active caseload: a medication-management psychiatrist's 400, enough distinct starts for a write benchmark.</summary>
    public int BenchCaseload => Math.Min(400, Members / 3);

    /// <summary>Members on the bench PCP's panel and in the bench psychiatrist's care with long timelines (60 to 90 events).</summary>
    public int BusyMembers => Math.Min(12, BenchPanel / 4);

    private int Scaled(int atFullSize, int atLeast) => Math.Max(atLeast, (int)Math.Round(atFullSize * (Members / FullSize)));
}
