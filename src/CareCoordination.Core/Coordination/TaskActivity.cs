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
    public const int NextStepMaxLength = 500;

    /// <summary>What is left of the stored note (1,000 characters) once the next step and its label are in.</summary>
    public const int ContactNoteMaxLength = 480;

    private const string NextStepLabel = "Next step: ";

    public int Id { get; private set; }

    public int TaskId { get; init; }

    public DateTime At { get; init; }

    public required string UserId { get; init; }

    public TaskActivityKind Kind { get; init; }

    public ContactMethod? ContactMethod { get; init; }

    public ContactOutcome? ContactOutcome { get; init; }

    /// <summary>The outcome text, reason, note or next step that goes with the activity.</summary>
    public string? Note { get; init; }

    /// <summary>A contact attempt keeps its next step and the optional note in one text: the next step first, labelled.</summary>
    public static TaskActivity ContactAttempt(int taskId, string userId, DateTime at, ContactMethod method, ContactOutcome outcome, string nextStep, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nextStep);
        return new TaskActivity
        {
            TaskId = taskId,
            UserId = userId,
            At = at,
            Kind = TaskActivityKind.ContactAttempt,
            ContactMethod = method,
            ContactOutcome = outcome,
            Note = string.IsNullOrWhiteSpace(note) ? NextStepLabel + nextStep.Trim() : $"{NextStepLabel}{nextStep.Trim()}\n{note.Trim()}",
        };
    }
}

public static class TaskActivityFacts
{
    public static string Label(this TaskActivityKind kind) => kind switch
    {
        TaskActivityKind.Claimed => "Claimed",
        TaskActivityKind.Reassigned => "Reassigned",
        TaskActivityKind.ContactAttempt => "Contact attempt",
        TaskActivityKind.WaitingOnProvider => "Waiting on provider",
        TaskActivityKind.Resumed => "Resumed",
        TaskActivityKind.Completed => "Completed",
        TaskActivityKind.Cancelled => "Cancelled",
        TaskActivityKind.Reopened => "Reopened",
        TaskActivityKind.Acknowledged => "PCP acknowledged the coordination message",
        _ => kind.ToString(),
    };

    public static string Label(this ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone",
        ContactMethod.Fax => "Fax",
        ContactMethod.SecureMessage => "Secure message",
        ContactMethod.Portal => "Portal",
        _ => method.ToString(),
    };

    public static string Label(this ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Reached => "Reached",
        ContactOutcome.LeftMessage => "Left a message",
        ContactOutcome.NoAnswer => "No answer",
        ContactOutcome.Sent => "Sent",
        ContactOutcome.Failed => "Failed",
        _ => outcome.ToString(),
    };
}
