namespace CareCoordination.Core.Coordination;

/// <summary>Something that happened in a member's care that coordination may hinge on; the member's timeline is made of these.</summary>
public sealed class CoordinationEvent
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public CoordinationEventKind Kind { get; init; }

    public DateTime OccurredAt { get; init; }

    /// <summary>The signed-in user who recorded it.</summary>
    public required string RecordedByUserId { get; init; }

    /// <summary>The clinician the event is about, when there is one (the prescriber, the referring PCP...).</summary>
    public int? ProviderId { get; init; }

    /// <summary>One line for the timeline. Clinical detail, so it stays in the database and out of logs.</summary>
    public required string Summary { get; init; }

    /// <summary>The clinician's free-text note, when they wrote one. Clinical detail: shown to the care team, never logged.</summary>
    public string? Note { get; init; }

    /// <summary>The clinician recorded that sharing with the member's other providers was discussed with the member.</summary>
    public bool SharingDiscussedWithMember { get; init; }

    /// <summary>
    /// Recorded by a clinician of a 42 CFR Part 2 program (2.11 "records"): set from the provider at record time, so a later
    /// change to the directory does not rewrite what the record was. Part 2 information leaves only under a covering consent.
    /// </summary>
    public bool IsPart2Information { get; init; }

    public List<CoordinationFlag> Flags { get; init; } = [];
}
