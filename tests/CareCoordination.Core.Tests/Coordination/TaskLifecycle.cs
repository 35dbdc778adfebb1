using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Tests.Coordination;

public class TaskLifecycle
{
    private static readonly DateTime Now = new(2026, 11, 27, 15, 0, 0, DateTimeKind.Utc);

    private static CoordinationTask NewTask(DateOnly? dueOn = null) => CoordinationTask.Open(
        memberId: 1, cause: null, CoordinationTrigger.PsychotropicStartOrChange, Priority.High, dueOn ?? new DateOnly(2026, 12, 1), Now);

    [Fact]
    public void A_new_task_is_open_and_unassigned()
    {
        var task = NewTask();
        Assert.Equal(CoordinationTaskStatus.Open, task.Status);
        Assert.Null(task.AssigneeUserId);
        Assert.Equal(Now, task.CreatedAt);
        Assert.NotEqual(Guid.Empty, task.Version);
    }

    [Fact]
    public void Claiming_assigns_it_and_puts_it_in_progress()
    {
        var task = NewTask();
        var before = task.Version;
        Assert.True(task.Claim("cm-1").Done);
        Assert.Equal(CoordinationTaskStatus.InProgress, task.Status);
        Assert.Equal("cm-1", task.AssigneeUserId);
        Assert.NotEqual(before, task.Version);
    }

    [Fact]
    public void A_claimed_task_cannot_be_claimed_again()
    {
        var task = NewTask();
        task.Claim("cm-1");
        var second = task.Claim("cm-2");
        Assert.False(second.Done);
        Assert.Equal("This task is already claimed.", second.Refusal);
        Assert.Equal("cm-1", task.AssigneeUserId);
    }

    [Fact]
    public void Completing_needs_a_claim_first()
    {
        var task = NewTask();
        var change = task.Complete("done", Now);
        Assert.False(change.Done);
        Assert.Contains("Claim the task", change.Refusal, StringComparison.Ordinal);
        Assert.Equal(CoordinationTaskStatus.Open, task.Status);
    }

    [Fact]
    public void Waiting_on_a_provider_and_resuming()
    {
        var task = NewTask();
        Assert.False(task.WaitOnProvider().Done);
        task.Claim("cm-1");
        Assert.True(task.WaitOnProvider().Done);
        Assert.Equal(CoordinationTaskStatus.WaitingOnProvider, task.Status);
        Assert.False(task.WaitOnProvider().Done);
        Assert.True(task.Resume().Done);
        Assert.Equal(CoordinationTaskStatus.InProgress, task.Status);
        Assert.False(task.Resume().Done);
    }

    [Fact]
    public void Completing_records_outcome_and_time_from_in_progress_or_waiting()
    {
        var task = NewTask();
        task.Claim("cm-1");
        task.WaitOnProvider();
        Assert.True(task.Complete("PCP acknowledged", Now.AddHours(2)).Done);
        Assert.Equal(CoordinationTaskStatus.Completed, task.Status);
        Assert.Equal("PCP acknowledged", task.Outcome);
        Assert.Equal(Now.AddHours(2), task.ClosedAt);
        Assert.True(task.IsClosed);
    }

    [Fact]
    public void Cancelling_works_on_any_open_state_but_not_twice()
    {
        var task = NewTask();
        Assert.True(task.Cancel("Duplicate of another task", Now).Done);
        Assert.Equal(CoordinationTaskStatus.Cancelled, task.Status);
        Assert.Equal("Duplicate of another task", task.Outcome);
        Assert.False(task.Cancel("again", Now).Done);
    }

    [Fact]
    public void Reopening_returns_to_the_assignee_or_to_the_queue()
    {
        var claimed = NewTask();
        claimed.Claim("cm-1");
        claimed.Complete("done", Now);
        Assert.True(claimed.Reopen().Done);
        Assert.Equal(CoordinationTaskStatus.InProgress, claimed.Status);
        Assert.Null(claimed.ClosedAt);
        Assert.Null(claimed.Outcome);

        var unclaimed = NewTask();
        unclaimed.Cancel("not needed", Now);
        Assert.True(unclaimed.Reopen().Done);
        Assert.Equal(CoordinationTaskStatus.Open, unclaimed.Status);

        Assert.False(NewTask().Reopen().Done);
    }

    [Fact]
    public void Reassigning_moves_an_open_task_into_progress_and_refuses_closed_ones()
    {
        var task = NewTask();
        Assert.True(task.Reassign("cm-2").Done);
        Assert.Equal(("cm-2", CoordinationTaskStatus.InProgress), (task.AssigneeUserId, task.Status));

        task.WaitOnProvider();
        Assert.True(task.Reassign("cm-3").Done);
        Assert.Equal(CoordinationTaskStatus.WaitingOnProvider, task.Status);

        task.Complete("done", Now);
        Assert.False(task.Reassign("cm-1").Done);
    }

    [Fact]
    public void Overdue_means_open_and_past_its_due_date()
    {
        var task = NewTask(new DateOnly(2026, 12, 1));
        Assert.False(task.IsOverdueOn(new DateOnly(2026, 12, 1)));
        Assert.True(task.IsOverdueOn(new DateOnly(2026, 12, 2)));
        task.Cancel("not needed", Now);
        Assert.False(task.IsOverdueOn(new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void Every_trigger_has_a_rule_id_and_label()
    {
        var ids = Enum.GetValues<CoordinationTrigger>().Select(t => t.RuleId()).ToList();
        Assert.Equal(["T1", "T2", "T3", "T4", "PCP-FINDING", "BH-MEDICAL-FINDING", "PART2-CONSENT"], ids);
        Assert.All(Enum.GetValues<CoordinationTrigger>(), t => Assert.False(string.IsNullOrWhiteSpace(t.Label())));
    }
}
