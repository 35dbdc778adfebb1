namespace CareCoordination.Core.Providers;

/// <summary>A participating physician group (PPG): the medical group a member's PCP practises in.</summary>
public sealed class ParticipatingPhysicianGroup
{
    public int Id { get; private set; }

    /// <summary>Changes with every edit, so an edit made from a page opened before another one is caught, not silently lost.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Records that the group was edited.</summary>
    public void MarkEdited() => Version = Guid.NewGuid();

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }
}
