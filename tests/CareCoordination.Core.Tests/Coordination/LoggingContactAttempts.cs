using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Tests.Coordination;

/// <summary>A contact attempt is work on a claimed task: it keeps the status, changes the version and carries its next step.</summary>
public class LoggingContactAttempts
{
    private static readonly DateTime Now = new(2026, 11, 27, 15, 0, 0, DateTimeKind.Utc);

    private static CoordinationTask NewTask() => CoordinationTask.Open(
        memberId: 1, cause: null, CoordinationTrigger.MedicalToBhReferral, Priority.Routine, new DateOnly(2026, 12, 4), Now);

    [Fact]
    public void A_claimed_task_takes_a_contact_attempt_and_changes_its_version_but_not_its_status()
    {
        var task = NewTask();
        task.Claim("cm-1");
        var before = task.Version;

        Assert.True(task.LogContactAttempt(Now).Done);
        Assert.Equal(CoordinationTaskStatus.InProgress, task.Status);
        Assert.NotEqual(before, task.Version);

        task.WaitOnProvider();
        Assert.True(task.LogContactAttempt(Now.AddHours(2)).Done);
        Assert.Equal(CoordinationTaskStatus.WaitingOnProvider, task.Status);
        Assert.Equal(Now, task.FirstContactAt);
    }

    [Fact]
    public void An_unclaimed_task_asks_to_be_claimed_first()
    {
        var task = NewTask();
        var before = task.Version;

        var change = task.LogContactAttempt(Now);

        Assert.False(change.Done);
        Assert.Equal("Claim the task before logging a contact attempt; this one is open.", change.Refusal);
        Assert.Equal(before, task.Version);
        Assert.Null(task.FirstContactAt);
    }

    [Fact]
    public void A_closed_task_asks_to_be_reopened_first()
    {
        var task = NewTask();
        task.Claim("cm-1");
        task.Complete("PCP confirmed", Now);

        var change = task.LogContactAttempt(Now.AddHours(1));

        Assert.False(change.Done);
        Assert.Equal("This task is completed; reopen it before logging a contact attempt.", change.Refusal);
        Assert.Null(task.FirstContactAt);
    }

    [Theory]
    [InlineData("Call back Monday", null, "Next step: Call back Monday")]
    [InlineData("  Call back Monday ", "   ", "Next step: Call back Monday")]
    [InlineData("Fax the labs", " MA says fax is down ", "Next step: Fax the labs\nMA says fax is down")]
    public void The_activity_carries_method_outcome_and_the_next_step_before_the_note(string nextStep, string? note, string expected)
    {
        var activity = TaskActivity.ContactAttempt(7, "cm-1", Now, ContactMethod.Phone, ContactOutcome.LeftMessage, nextStep, note);

        Assert.Equal((7, "cm-1", Now, TaskActivityKind.ContactAttempt), (activity.TaskId, activity.UserId, activity.At, activity.Kind));
        Assert.Equal((ContactMethod.Phone, ContactOutcome.LeftMessage), (activity.ContactMethod, activity.ContactOutcome));
        Assert.Equal(expected, activity.Note);
    }

    [Fact]
    public void The_longest_next_step_and_note_fit_the_stored_note()
    {
        var activity = TaskActivity.ContactAttempt(7, "cm-1", Now, ContactMethod.Fax, ContactOutcome.Sent,
            new string('n', TaskActivity.NextStepMaxLength), new string('x', TaskActivity.ContactNoteMaxLength));

        Assert.True(activity.Note!.Length <= 1000, $"{activity.Note.Length} characters do not fit the 1,000 stored.");
    }

    [Fact]
    public void A_contact_attempt_needs_a_next_step()
    {
        Assert.Throws<ArgumentException>(() => TaskActivity.ContactAttempt(7, "cm-1", Now, ContactMethod.Fax, ContactOutcome.Sent, " ", null));
    }
}
