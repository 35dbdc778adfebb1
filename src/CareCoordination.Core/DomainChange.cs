namespace CareCoordination.Core;

/// <summary>Whether a change to a task, a release or a grant happened, and if not, why in words the person acting can follow.</summary>
public readonly record struct DomainChange(bool Done, string? Refusal)
{
    public static DomainChange Ok { get; } = new(true, null);

    public static DomainChange Refused(string reason) => new(false, reason);
}
