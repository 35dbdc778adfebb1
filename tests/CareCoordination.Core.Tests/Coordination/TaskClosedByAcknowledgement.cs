using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Tests.Coordination;

public class TaskClosedByAcknowledgement
{
    private static readonly DateTime Now = new(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc);

    private static CoordinationTask NewTask() =>
        CoordinationTask.Open(1, null, CoordinationTrigger.PsychotropicStartOrChange, Priority.High, new DateOnly(2026, 12, 1), Now);

    [Fact]
    public void An_unclaimed_task_is_completed_when_the_pcp_acknowledges()
    {
        var task = NewTask();
        Assert.True(task.CloseOnAcknowledgement("PCP acknowledged", Now).Done);
        Assert.Equal((CoordinationTaskStatus.Completed, "PCP acknowledged", (DateTime?)Now), (task.Status, task.Outcome, task.ClosedAt));
    }

    [Fact]
    public void A_task_waiting_on_the_provider_is_completed_too()
    {
        var task = NewTask();
        task.Claim("cm-1");
        task.WaitOnProvider();
        Assert.True(task.CloseOnAcknowledgement("PCP acknowledged", Now).Done);
        Assert.Equal(CoordinationTaskStatus.Completed, task.Status);
        Assert.Equal("cm-1", task.AssigneeUserId);
    }

    [Fact]
    public void A_closed_task_stays_as_it_was()
    {
        var task = NewTask();
        task.Cancel("duplicate", Now);
        var change = task.CloseOnAcknowledgement("PCP acknowledged", Now.AddHours(1));
        Assert.False(change.Done);
        Assert.Equal((CoordinationTaskStatus.Cancelled, "duplicate"), (task.Status, task.Outcome));
    }
}
