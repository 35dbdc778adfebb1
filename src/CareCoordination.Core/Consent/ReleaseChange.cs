namespace CareCoordination.Core.Consent;

/// <summary>Whether a change to a release happened, and if not, why in words the person acting can follow.</summary>
public readonly record struct ReleaseChange(bool Done, string? Refusal)
{
    public static ReleaseChange Ok { get; } = new(true, null);

    public static ReleaseChange Refused(string reason) => new(false, reason);
}
