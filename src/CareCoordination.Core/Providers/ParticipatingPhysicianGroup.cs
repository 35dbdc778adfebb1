namespace CareCoordination.Core.Providers;

/// <summary>A participating physician group (PPG): the medical group a member's PCP practises in.</summary>
public sealed class ParticipatingPhysicianGroup
{
    public int Id { get; private set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }
}
