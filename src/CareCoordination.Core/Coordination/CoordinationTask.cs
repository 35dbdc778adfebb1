using CareCoordination.Core.Members;

namespace CareCoordination.Core.Coordination;

/// <summary>An item in the care managers' coordination queue.</summary>
public sealed class CoordinationTask
{
    private CoordinationTask()
    {
    }

    public int Id { get; private set; }

    public int MemberId { get; private set; }

    public Member Member { get; private set; } = null!;

    /// <summary>The event whose flag opened this task.</summary>
    public int? EventId { get; private set; }

    public CoordinationEvent? Event { get; private set; }

    public CoordinationTrigger Trigger { get; private set; }

    public Priority Priority { get; private set; }

    public DateOnly DueOn { get; private set; }

    public CoordinationTaskStatus Status { get; private set; }

    public string? AssigneeUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>When the first contact attempt was logged, for the time to first contact.</summary>
    public DateTime? FirstContactAt { get; private set; }

    /// <summary>How the task ended: the completion outcome or the cancellation reason.</summary>
    public string? Outcome { get; private set; }

    /// <summary>Changes on every transition so that two people editing the same task cannot both win.</summary>
    public Guid Version { get; private set; }

    public bool IsClosed => IsClosedStatus(Status);

    public static CoordinationTask Open(int memberId, CoordinationEvent? cause, CoordinationTrigger trigger, Priority priority, DateOnly dueOn, DateTime now) => new()
    {
        MemberId = memberId,
        Event = cause,
        Trigger = trigger,
        Priority = priority,
        DueOn = dueOn,
        Status = CoordinationTaskStatus.Open,
        CreatedAt = now,
        Version = Guid.NewGuid(),
    };

    /// <summary>One task per flag on the event: the care managers' follow-up of each rule that fired.</summary>
    public static IEnumerable<CoordinationTask> OpenFor(CoordinationEvent flagged, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(flagged);
        return flagged.Flags.Select(flag => Open(flagged.MemberId, flagged, flag.Trigger, flag.Priority, flag.DueOn, now));
    }

    public bool IsOverdueOn(DateOnly today) => IsOverdue(Status, DueOn, today);

    /// <summary>The same rule for a row read without its entity (a queue projection): still open and past its due date.</summary>
    public static bool IsOverdue(CoordinationTaskStatus status, DateOnly dueOn, DateOnly today) => !IsClosedStatus(status) && dueOn < today;

    public static bool IsClosedStatus(CoordinationTaskStatus status) => status is CoordinationTaskStatus.Completed or CoordinationTaskStatus.Cancelled;

    public DomainChange Claim(string userId)
    {
        if (AssigneeUserId is not null && !IsClosed)
        {
            return DomainChange.Refused("This task is already claimed.");
        }

        if (Status != CoordinationTaskStatus.Open)
        {
            return DomainChange.Refused($"Only open tasks can be claimed; this one is {Describe(Status)}.");
        }

        AssigneeUserId = userId;
        return MoveTo(CoordinationTaskStatus.InProgress);
    }

    public DomainChange Reassign(string userId)
    {
        if (IsClosed)
        {
            return DomainChange.Refused($"A {Describe(Status)} task cannot be reassigned; reopen it first.");
        }

        AssigneeUserId = userId;
        return MoveTo(Status == CoordinationTaskStatus.Open ? CoordinationTaskStatus.InProgress : Status);
    }

    public DomainChange WaitOnProvider() => Status == CoordinationTaskStatus.InProgress
        ? MoveTo(CoordinationTaskStatus.WaitingOnProvider)
        : DomainChange.Refused($"Only a task in progress can wait on a provider; this one is {Describe(Status)}.");

    public DomainChange Resume() => Status == CoordinationTaskStatus.WaitingOnProvider
        ? MoveTo(CoordinationTaskStatus.InProgress)
        : DomainChange.Refused($"Only a task waiting on a provider can resume; this one is {Describe(Status)}.");

    /// <summary>
    /// A contact attempt is work on a claimed task. It moves no status, but it changes the version: someone about to
    /// complete the task from an older page should see the attempt first.
    /// </summary>
    public DomainChange LogContactAttempt(DateTime at)
    {
        if (Status is not (CoordinationTaskStatus.InProgress or CoordinationTaskStatus.WaitingOnProvider))
        {
            return DomainChange.Refused(IsClosed
                ? $"This task is {Describe(Status)}; reopen it before logging a contact attempt."
                : $"Claim the task before logging a contact attempt; this one is {Describe(Status)}.");
        }

        FirstContactAt ??= at;
        return MoveTo(Status);
    }

    public DomainChange Complete(string outcome, DateTime now)
    {
        if (Status is not (CoordinationTaskStatus.InProgress or CoordinationTaskStatus.WaitingOnProvider))
        {
            return DomainChange.Refused($"Claim the task before completing it; this one is {Describe(Status)}.");
        }

        return Close(CoordinationTaskStatus.Completed, outcome, now);
    }

    /// <summary>
    /// The PCP acknowledged the coordination message this task was waiting on: the loop is closed, whoever held the task.
    /// </summary>
    public DomainChange CloseOnAcknowledgement(string outcome, DateTime now) => IsClosed
        ? DomainChange.Refused($"This task is already {Describe(Status)}.")
        : Close(CoordinationTaskStatus.Completed, outcome, now);

    public DomainChange Cancel(string reason, DateTime now) => IsClosed
        ? DomainChange.Refused($"This task is already {Describe(Status)}.")
        : Close(CoordinationTaskStatus.Cancelled, reason, now);

    public DomainChange Reopen()
    {
        if (!IsClosed)
        {
            return DomainChange.Refused($"Only a completed or cancelled task can be reopened; this one is {Describe(Status)}.");
        }

        ClosedAt = null;
        Outcome = null;
        return MoveTo(AssigneeUserId is null ? CoordinationTaskStatus.Open : CoordinationTaskStatus.InProgress);
    }

    public static string Describe(CoordinationTaskStatus status) => status switch
    {
        CoordinationTaskStatus.Open => "open",
        CoordinationTaskStatus.InProgress => "in progress",
        CoordinationTaskStatus.WaitingOnProvider => "waiting on provider",
        CoordinationTaskStatus.Completed => "completed",
        CoordinationTaskStatus.Cancelled => "cancelled",
        _ => status.ToString(),
    };

    private DomainChange Close(CoordinationTaskStatus status, string outcome, DateTime now)
    {
        ClosedAt = now;
        Outcome = outcome;
        return MoveTo(status);
    }

    private DomainChange MoveTo(CoordinationTaskStatus status)
    {
        Status = status;
        Version = Guid.NewGuid();
        return DomainChange.Ok;
    }
}
