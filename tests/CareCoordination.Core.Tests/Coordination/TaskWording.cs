using CareCoordination.Core.Coordination;

namespace CareCoordination.Core.Tests.Coordination;

/// <summary>What the queue says about a task: every activity, method and outcome in words; overdue by status and date alone.</summary>
public class TaskWording
{
    [Fact]
    public void Every_activity_method_and_outcome_has_words()
    {
        Assert.Equal(Enum.GetValues<TaskActivityKind>().Length, Enum.GetValues<TaskActivityKind>().Select(k => k.Label()).Distinct().Count());
        Assert.Equal(Enum.GetValues<ContactMethod>().Length, Enum.GetValues<ContactMethod>().Select(m => m.Label()).Distinct().Count());
        Assert.Equal(Enum.GetValues<ContactOutcome>().Length, Enum.GetValues<ContactOutcome>().Select(o => o.Label()).Distinct().Count());
        Assert.Equal("PCP acknowledged the coordination message", TaskActivityKind.Acknowledged.Label());
        Assert.Equal("Contact attempt", TaskActivityKind.ContactAttempt.Label());
        Assert.Equal("Secure message", ContactMethod.SecureMessage.Label());
        Assert.Equal("Left a message", ContactOutcome.LeftMessage.Label());
        Assert.Equal("No answer", ContactOutcome.NoAnswer.Label());
    }

    [Theory]
    [InlineData(CoordinationTaskStatus.Open, "2026-12-01", "2026-12-02", true)]
    [InlineData(CoordinationTaskStatus.InProgress, "2026-12-01", "2026-12-02", true)]
    [InlineData(CoordinationTaskStatus.WaitingOnProvider, "2026-12-01", "2026-12-02", true)]
    [InlineData(CoordinationTaskStatus.Open, "2026-12-02", "2026-12-02", false)]
    [InlineData(CoordinationTaskStatus.Completed, "2026-12-01", "2026-12-02", false)]
    [InlineData(CoordinationTaskStatus.Cancelled, "2026-12-01", "2026-12-02", false)]
    public void Overdue_from_status_and_due_date_matches_the_entity(CoordinationTaskStatus status, string dueOn, string today, bool overdue)
    {
        var due = DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(overdue, CoordinationTask.IsOverdue(status, due, day));
        Assert.Equal(status is CoordinationTaskStatus.Completed or CoordinationTaskStatus.Cancelled, CoordinationTask.IsClosedStatus(status));
    }
}
