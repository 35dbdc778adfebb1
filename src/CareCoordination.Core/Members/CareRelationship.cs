using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Members;

/// <summary>
/// A behavioral health practitioner treating a member over a span of days. It decides what the practitioner may
/// see: a member's record is open to them only while a relationship is active.
/// </summary>
public sealed class CareRelationship
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public Member Member { get; private set; } = null!;

    public int ProviderId { get; init; }

    public Provider Provider { get; private set; } = null!;

    public DateOnly StartOn { get; init; }

    /// <summary>The last day of treatment, inclusive; null while ongoing.</summary>
    public DateOnly? EndOn { get; private set; }

    public bool IsActiveOn(DateOnly day) => StartOn <= day && (EndOn is null || day <= EndOn);

    /// <summary>
    /// Whether an ongoing relationship starting on <paramref name="startOn"/> would overlap this one: it would unless this
    /// one ended before that day. The same practitioner treats the same member in one relationship at a time.
    /// </summary>
    public bool WouldOverlapOngoingFrom(DateOnly startOn) => EndOn is null || EndOn >= startOn;

    public void End(DateOnly lastDay)
    {
        if (lastDay < StartOn)
        {
            throw new ArgumentOutOfRangeException(nameof(lastDay), "A care relationship cannot end before it starts.");
        }

        EndOn = lastDay;
    }
}
