using CareCoordination.Core.Coordination;

namespace CareCoordination.DataGenerator.Coordination;

/// <summary>A task and the event (by its index in the member's events) whose flag opened it, with its version stamp.</summary>
internal sealed record QueuedTask(CoordinationTask Task, int EventIndex, Guid Version);

/// <summary>Something that happened to a task (by its index in the member's tasks).</summary>
internal sealed record ActivityRow(int TaskIndex, DateTime At, string UserId, TaskActivityKind Kind, ContactMethod? Method, ContactOutcome? Outcome, string? Note);

/// <summary>A message to the member's PCP about an event (by its index in the member's events).</summary>
internal sealed record MessageRow(InboxMessage Message, int EventIndex);

/// <summary>One member's coordination history, oldest first.</summary>
internal sealed class MemberHistory
{
    public static readonly MemberHistory Empty = new();

    public List<CoordinationEvent> Events { get; } = [];

    public List<QueuedTask> Tasks { get; } = [];

    public List<ActivityRow> Activities { get; } = [];

    public List<MessageRow> Messages { get; } = [];
}

/// <summary>
/// Every member's history. Ids run from 1 across members in member order, so a member's first event has id
/// <see cref="FirstEventId"/> of that member, and likewise for tasks.
/// </summary>
internal sealed class PlanHistory
{
    private readonly int[] _firstEventId;
    private readonly int[] _firstTaskId;

    public PlanHistory(MemberHistory[] byMember)
    {
        ByMember = byMember;
        _firstEventId = new int[byMember.Length];
        _firstTaskId = new int[byMember.Length];
        var (events, tasks) = (1, 1);
        for (var id = 1; id < byMember.Length; id++)
        {
            (_firstEventId[id], _firstTaskId[id]) = (events, tasks);
            events += byMember[id].Events.Count;
            tasks += byMember[id].Tasks.Count;
            Flags += byMember[id].Events.Sum(e => e.Flags.Count);
            Activities += byMember[id].Activities.Count;
            Messages += byMember[id].Messages.Count;
        }

        (Events, Tasks) = (events - 1, tasks - 1);
    }

    /// <summary>Indexed by member id (index 0 unused).</summary>
    public MemberHistory[] ByMember { get; }

    public int Events { get; }

    public int Tasks { get; }

    public int Flags { get; }

    public int Activities { get; }

    public int Messages { get; }

    public int FirstEventId(int memberId) => _firstEventId[memberId];

    public int FirstTaskId(int memberId) => _firstTaskId[memberId];
}
