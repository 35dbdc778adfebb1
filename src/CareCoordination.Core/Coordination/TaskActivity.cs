namespace CareCoordination.Core.Coordination;

public enum TaskActivityKind
{
    Claimed,
    Reassigned,
    ContactAttempt,
    WaitingOnProvider,
    Resumed,
    Completed,
    Cancelled,
    Reopened,
    Acknowledged,
}

public enum ContactMethod
{
    Phone,
    Fax,
    SecureMessage,
    Portal,
}

public enum ContactOutcome
{
    Reached,
    LeftMessage,
    NoAnswer,
    Sent,
    Failed,
}

/// <summary>One thing that happened to a task: a transition, or a contact attempt with its outcome and next step.</summary>
public sealed class TaskActivity
{
    public int Id { get; private set; }

    public int TaskId { get; init; }

    public DateTime At { get; init; }

    public required string UserId { get; init; }

    public TaskActivityKind Kind { get; init; }

    public ContactMethod? ContactMethod { get; init; }

    public ContactOutcome? ContactOutcome { get; init; }

    /// <summary>The outcome text, reason, note or next step that goes with the activity.</summary>
    public string? Note { get; init; }
}
