using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>
/// A care manager opens a task and works it: claim, reassign, contact attempts, waiting on the provider, complete,
/// cancel, reopen. Each change returns to the task, adds to its history and is audited; bad input and refused moves say why.
/// </summary>
public class WorkingATask(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private const string Colleague = "casey.cm@demo.test";

    private async Task<string> ColleagueId()
    {
        var existing = await app.WithDatabase(db => db.Users.Where(u => u.Email == Colleague).Select(u => u.Id).FirstOrDefaultAsync());
        return existing ?? await QueuePages.AddCareManagerAsync(app, Colleague, "Casey Morgan");
    }

    private async Task<(HttpClient Client, int TaskId)> ClaimedTask()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var taskId = await QueuePages.OpenTaskAsync(app);
        await client.FollowedAsync(await client.ActAsync(taskId, "Claim"), taskId);
        return (client, taskId);
    }

    private Task<List<TaskActivity>> Activities(int taskId) =>
        app.WithDatabase(db => db.TaskActivities.Where(a => a.TaskId == taskId).OrderBy(a => a.Id).ToListAsync());

    /// <summary>Counts the task member's TaskChanged audit entries from now on, by outcome.</summary>
    private async Task<Func<AuditOutcome, Task<int>>> AuditsFromNow(int taskId)
    {
        Task<Dictionary<AuditOutcome, int>> Counts() => app.WithDatabase(async db =>
        {
            var memberId = await db.CoordinationTasks.Where(t => t.Id == taskId).Select(t => t.MemberId).SingleAsync();
            return await db.AuditEntries.Where(a => a.Action == AuditAction.TaskChanged && a.MemberId == memberId)
                .GroupBy(a => a.Outcome).ToDictionaryAsync(g => g.Key, g => g.Count());
        });
        var before = await Counts();
        return async outcome => (await Counts()).GetValueOrDefault(outcome) - before.GetValueOrDefault(outcome);
    }

    [Fact]
    public async Task The_task_page_shows_the_task_its_event_and_flags_the_timeline_and_releases()
    {
        var (taskId, summary, reasons, memberName, releases) = await app.WithDatabase(async db =>
        {
            var task = await db.CoordinationTasks.Include(t => t.Event!).ThenInclude(e => e.Flags).Include(t => t.Member)
                .Where(t => t.Event != null && db.Releases.Any(r => r.MemberId == t.MemberId)).OrderBy(t => t.Id).FirstAsync();
            var today = QueuePages.Today(app);
            var onFile = await db.Releases.Where(r => r.MemberId == task.MemberId).ToListAsync();
            return (task.Id, task.Event!.Summary, task.Event.Flags.Select(f => f.Reason).ToList(), task.Member.FullName,
                onFile.Select(r => r.StatusOn(today)).ToList());
        });
        var client = await app.SignedInAs(Browsing.CareManager);

        var response = await client.GetAsync($"/Queue/{taskId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(memberName, text, StringComparison.Ordinal);
        Assert.Contains("Why this task", text, StringComparison.Ordinal);
        Assert.Contains(summary, text, StringComparison.Ordinal);
        Assert.All(reasons, reason => Assert.Contains(reason, text, StringComparison.Ordinal));
        Assert.Contains("raised this task", text, StringComparison.Ordinal);
        Assert.Contains("Releases and consents", text, StringComparison.Ordinal);
        Assert.All(releases, status => Assert.Contains(Core.Consent.ReleaseStatusFacts.Label(status), text, StringComparison.Ordinal));
        Assert.Contains("Claim this task", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urgent_pcp_finding_carries_crisis_guidance_and_other_tasks_do_not()
    {
        var (urgent, other) = await app.WithDatabase(async db => (
            await db.CoordinationTasks.Where(t => t.Trigger == CoordinationTrigger.PcpFinding && t.Priority == Priority.Urgent).Select(t => t.Id).FirstAsync(),
            await db.CoordinationTasks.Where(t => t.Trigger == CoordinationTrigger.PsychotropicStartOrChange).Select(t => t.Id).FirstAsync()));
        var client = await app.SignedInAs(Browsing.CareManager);

        var urgentText = Browsing.Text(await client.GetStringAsync($"/Queue/{urgent}"));
        var otherText = Browsing.Text(await client.GetStringAsync($"/Queue/{other}"));

        Assert.Contains("Possible suicidal ideation: act today", urgentText, StringComparison.Ordinal);
        Assert.Contains("988", urgentText, StringComparison.Ordinal);
        Assert.DoesNotContain("Possible suicidal ideation: act today", otherText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claiming_assigns_the_task_to_me_records_it_and_returns_to_the_task()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var taskId = await QueuePages.OpenTaskAsync(app);
        var before = await QueuePages.TaskAsync(app, taskId);
        var audited = await AuditsFromNow(taskId);

        var text = await client.FollowedAsync(await client.ActAsync(taskId, "Claim"), taskId);

        Assert.Contains("Assigned to Jordan Ellis", text, StringComparison.Ordinal);
        Assert.Contains("in progress", text, StringComparison.Ordinal);
        Assert.Contains("Task · Claimed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Claim this task", text, StringComparison.Ordinal);
        var after = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((await QueuePages.UserIdOf(app, Browsing.CareManager), CoordinationTaskStatus.InProgress), (after.AssigneeUserId, after.Status));
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(TaskActivityKind.Claimed, Assert.Single(await Activities(taskId)).Kind);
        Assert.Equal(1, await audited(AuditOutcome.Success));
    }

    [Fact]
    public async Task Claiming_a_task_someone_holds_names_who_has_it_and_changes_nothing()
    {
        var colleague = await ColleagueId();
        var taskId = await QueuePages.OpenTaskAsync(app);
        await app.WithDatabase(async db =>
        {
            (await db.CoordinationTasks.SingleAsync(t => t.Id == taskId)).Claim(colleague);
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAs(Browsing.CareManager);
        var audited = await AuditsFromNow(taskId);

        var response = await client.ActAsync(taskId, "Claim");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Already claimed by Casey Morgan.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(colleague, (await QueuePages.TaskAsync(app, taskId)).AssigneeUserId);
        Assert.Empty(await Activities(taskId));
        Assert.Equal((0, 1), (await audited(AuditOutcome.Success), await audited(AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Claiming_a_closed_task_is_refused_with_its_status()
    {
        var taskId = await QueuePages.OpenTaskAsync(app);
        await app.WithDatabase(async db =>
        {
            (await db.CoordinationTasks.SingleAsync(t => t.Id == taskId)).Cancel("Duplicate", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAs(Browsing.CareManager);

        var response = await client.ActAsync(taskId, "Claim");

        Assert.Contains("Only open tasks can be claimed; this one is cancelled.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await QueuePages.TaskAsync(app, taskId)).AssigneeUserId);
    }

    [Fact]
    public async Task Reassigning_hands_the_task_to_another_care_manager()
    {
        var colleague = await ColleagueId();
        var (client, taskId) = await ClaimedTask();
        var page = await client.GetStringAsync($"/Queue/{taskId}");
        Assert.Contains($"<option value=\"{colleague}\">Casey Morgan</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr. Maya Okafor</option>", page, StringComparison.Ordinal);
        var audited = await AuditsFromNow(taskId);

        var text = await client.FollowedAsync(await client.ActAsync(taskId, "Reassign", new() { ["Reassignment.AssigneeUserId"] = colleague }), taskId);

        Assert.Contains("Assigned to Casey Morgan", text, StringComparison.Ordinal);
        Assert.Contains("Task · Reassigned", text, StringComparison.Ordinal);
        Assert.Contains("To Casey Morgan.", text, StringComparison.Ordinal);
        Assert.Equal(colleague, (await QueuePages.TaskAsync(app, taskId)).AssigneeUserId);
        Assert.Equal(1, await audited(AuditOutcome.Success));
    }

    [Fact]
    public async Task Reassigning_needs_a_care_manager_from_the_list_who_does_not_already_have_it()
    {
        var (client, taskId) = await ClaimedTask();
        var pcpUser = await QueuePages.UserIdOf(app, Browsing.Pcp);
        var me = await QueuePages.UserIdOf(app, Browsing.CareManager);

        var none = Browsing.Text(await (await client.ActAsync(taskId, "Reassign", new() { ["Reassignment.AssigneeUserId"] = "" })).Content.ReadAsStringAsync());
        var notACareManager = Browsing.Text(await (await client.ActAsync(taskId, "Reassign", new() { ["Reassignment.AssigneeUserId"] = pcpUser })).Content.ReadAsStringAsync());
        var same = Browsing.Text(await (await client.ActAsync(taskId, "Reassign", new() { ["Reassignment.AssigneeUserId"] = me })).Content.ReadAsStringAsync());

        Assert.Contains("Choose the care manager to take this task.", none, StringComparison.Ordinal);
        Assert.Contains("Choose a care manager from the list.", notACareManager, StringComparison.Ordinal);
        Assert.Contains("This task is already assigned to Jordan Ellis.", same, StringComparison.Ordinal);
        Assert.Equal(me, (await QueuePages.TaskAsync(app, taskId)).AssigneeUserId);
        Assert.Single(await Activities(taskId));
    }

    [Fact]
    public async Task Logging_a_contact_attempt_keeps_method_outcome_next_step_and_note()
    {
        var (client, taskId) = await ClaimedTask();
        var before = await QueuePages.TaskAsync(app, taskId);
        var audited = await AuditsFromNow(taskId);

        var text = await client.FollowedAsync(await client.ActAsync(taskId, "ContactAttempt", new()
        {
            ["ContactAttempt.Method"] = "Phone",
            ["ContactAttempt.Outcome"] = "LeftMessage",
            ["ContactAttempt.NextStep"] = "Call the PCP office back Monday morning",
            ["ContactAttempt.Note"] = "Spoke to the front desk; the MA was out",
        }), taskId);

        Assert.Contains("Task · Contact attempt, phone: left a message", text, StringComparison.Ordinal);
        Assert.Contains("Next step: Call the PCP office back Monday morning", text, StringComparison.Ordinal);
        Assert.Contains("Spoke to the front desk; the MA was out", text, StringComparison.Ordinal);
        var attempt = (await Activities(taskId)).Single(a => a.Kind == TaskActivityKind.ContactAttempt);
        Assert.Equal((ContactMethod.Phone, ContactOutcome.LeftMessage), (attempt.ContactMethod, attempt.ContactOutcome));
        var after = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal(CoordinationTaskStatus.InProgress, after.Status);
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(1, await audited(AuditOutcome.Success));
    }

    [Fact]
    public async Task A_contact_attempt_without_its_details_says_what_is_missing_and_keeps_what_was_typed()
    {
        var (client, taskId) = await ClaimedTask();

        var missing = await client.ActAsync(taskId, "ContactAttempt", new() { ["ContactAttempt.Note"] = "Fax line busy twice" });
        var tooLong = await client.ActAsync(taskId, "ContactAttempt", new()
        {
            ["ContactAttempt.Method"] = "Fax",
            ["ContactAttempt.Outcome"] = "Failed",
            ["ContactAttempt.NextStep"] = new string('x', 501),
            ["ContactAttempt.Note"] = new string('y', 481),
        });

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        var text = Browsing.Text(html);
        Assert.Contains("Choose how you made contact.", text, StringComparison.Ordinal);
        Assert.Contains("Choose what came of it.", text, StringComparison.Ordinal);
        Assert.Contains("Say what happens next.", text, StringComparison.Ordinal);
        Assert.Contains("Fax line busy twice</textarea>", html, StringComparison.Ordinal);
        var longText = Browsing.Text(await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("Keep the next step under 500 characters.", longText, StringComparison.Ordinal);
        Assert.Contains("Keep the note under 480 characters.", longText, StringComparison.Ordinal);
        Assert.DoesNotContain(await Activities(taskId), a => a.Kind == TaskActivityKind.ContactAttempt);
    }

    [Fact]
    public async Task A_contact_attempt_on_an_unclaimed_task_asks_for_a_claim_first()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var taskId = await QueuePages.OpenTaskAsync(app);

        var response = await client.ActAsync(taskId, "ContactAttempt", new()
        {
            ["ContactAttempt.Method"] = "SecureMessage",
            ["ContactAttempt.Outcome"] = "Sent",
            ["ContactAttempt.NextStep"] = "Wait for a reply",
        });

        Assert.Contains("Claim the task before logging a contact attempt; this one is open.", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await Activities(taskId));
    }

    [Fact]
    public async Task Waiting_on_the_provider_and_resuming()
    {
        var (client, taskId) = await ClaimedTask();
        var audited = await AuditsFromNow(taskId);

        var waiting = await client.FollowedAsync(await client.ActAsync(taskId, "WaitOnProvider"), taskId);
        Assert.Contains("waiting on provider", waiting, StringComparison.Ordinal);
        Assert.Contains("Resume work", waiting, StringComparison.Ordinal);

        var again = await client.ActAsync(taskId, "WaitOnProvider");
        Assert.Contains("Only a task in progress can wait on a provider; this one is waiting on provider.", Browsing.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var resumed = await client.FollowedAsync(await client.ActAsync(taskId, "Resume"), taskId);
        Assert.Contains("Set waiting on provider", resumed, StringComparison.Ordinal);
        Assert.Equal(CoordinationTaskStatus.InProgress, (await QueuePages.TaskAsync(app, taskId)).Status);
        Assert.Equal([TaskActivityKind.Claimed, TaskActivityKind.WaitingOnProvider, TaskActivityKind.Resumed], (await Activities(taskId)).Select(a => a.Kind));
        Assert.Equal((2, 1), (await audited(AuditOutcome.Success), await audited(AuditOutcome.Denied)));
    }

    [Fact]
    public async Task Completing_records_the_outcome_closes_the_task_and_offers_to_reopen()
    {
        var (client, taskId) = await ClaimedTask();

        var text = await client.FollowedAsync(await client.ActAsync(taskId, "Complete", new() { ["Completion.Outcome"] = "PCP confirmed receipt; labs ordered" }), taskId);

        Assert.Contains("completed", text, StringComparison.Ordinal);
        Assert.Contains("Outcome: PCP confirmed receipt; labs ordered", text, StringComparison.Ordinal);
        Assert.Contains("Reopen task", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Complete task", text, StringComparison.Ordinal);
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((CoordinationTaskStatus.Completed, "PCP confirmed receipt; labs ordered"), (task.Status, task.Outcome));
        Assert.NotNull(task.ClosedAt);
        Assert.Equal("PCP confirmed receipt; labs ordered", (await Activities(taskId)).Single(a => a.Kind == TaskActivityKind.Completed).Note);
    }

    [Fact]
    public async Task Completing_needs_an_outcome_of_at_most_1000_characters_and_a_claim()
    {
        var (client, taskId) = await ClaimedTask();
        var empty = Browsing.Text(await (await client.ActAsync(taskId, "Complete", new() { ["Completion.Outcome"] = "  " })).Content.ReadAsStringAsync());
        var tooLong = await (await client.ActAsync(taskId, "Complete", new() { ["Completion.Outcome"] = new string('z', 1001) })).Content.ReadAsStringAsync();
        var unclaimed = await QueuePages.OpenTaskAsync(app);
        var refused = Browsing.Text(await (await client.ActAsync(unclaimed, "Complete", new() { ["Completion.Outcome"] = "Done" })).Content.ReadAsStringAsync());

        Assert.Contains("Say how the coordination ended.", empty, StringComparison.Ordinal);
        Assert.Contains("Keep the outcome under 1,000 characters.", Browsing.Text(tooLong), StringComparison.Ordinal);
        Assert.Contains(new string('z', 1001) + "</textarea>", tooLong, StringComparison.Ordinal);
        Assert.Contains("Claim the task before completing it; this one is open.", refused, StringComparison.Ordinal);
        Assert.Equal(CoordinationTaskStatus.InProgress, (await QueuePages.TaskAsync(app, taskId)).Status);
        Assert.Equal(CoordinationTaskStatus.Open, (await QueuePages.TaskAsync(app, unclaimed)).Status);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_and_cannot_happen_twice()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var taskId = await QueuePages.OpenTaskAsync(app);

        var empty = Browsing.Text(await (await client.ActAsync(taskId, "Cancel", new() { ["Cancellation.Reason"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains("Say why the task is cancelled.", empty, StringComparison.Ordinal);

        var text = await client.FollowedAsync(await client.ActAsync(taskId, "Cancel", new() { ["Cancellation.Reason"] = "Duplicate of the member's T1 task" }), taskId);
        Assert.Contains("cancelled", text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Duplicate of the member's T1 task", text, StringComparison.Ordinal);

        var twice = Browsing.Text(await (await client.ActAsync(taskId, "Cancel", new() { ["Cancellation.Reason"] = "Again" })).Content.ReadAsStringAsync());
        Assert.Contains("This task is already cancelled.", twice, StringComparison.Ordinal);
        Assert.Equal("Duplicate of the member's T1 task", (await QueuePages.TaskAsync(app, taskId)).Outcome);
    }

    [Fact]
    public async Task Reopening_needs_a_note_and_a_closed_task()
    {
        var (client, taskId) = await ClaimedTask();
        var notClosed = Browsing.Text(await (await client.ActAsync(taskId, "Reopen", new() { ["Reopening.Note"] = "PCP called back" })).Content.ReadAsStringAsync());
        Assert.Contains("Only a completed or cancelled task can be reopened; this one is in progress.", notClosed, StringComparison.Ordinal);
        await client.FollowedAsync(await client.ActAsync(taskId, "Complete", new() { ["Completion.Outcome"] = "Message delivered" }), taskId);

        var empty = Browsing.Text(await (await client.ActAsync(taskId, "Reopen", new() { ["Reopening.Note"] = "" })).Content.ReadAsStringAsync());
        Assert.Contains("Say why the task is reopened.", empty, StringComparison.Ordinal);

        var text = await client.FollowedAsync(await client.ActAsync(taskId, "Reopen", new() { ["Reopening.Note"] = "PCP asked for the lab results too" }), taskId);
        Assert.Contains("in progress", text, StringComparison.Ordinal);
        Assert.Contains("Task · Reopened", text, StringComparison.Ordinal);
        Assert.Contains("PCP asked for the lab results too", text, StringComparison.Ordinal);
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((CoordinationTaskStatus.InProgress, (string?)null), (task.Status, task.Outcome));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_changes_the_task_once()
    {
        var (client, taskId) = await ClaimedTask();
        var url = $"/Queue/{taskId}";
        var page = await client.GetStringAsync(url);
        Dictionary<string, string> fields = new()
        {
            ["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!,
            ["Version"] = Browsing.HiddenValue(page, "Version")!,
            ["Completion.Outcome"] = "Closed the loop with the PCP",
        };

        var first = await client.PostFormAsync($"{url}?handler=Complete", page, new(fields));
        var second = await client.PostFormAsync($"{url}?handler=Complete", page, new(fields));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single(await Activities(taskId), a => a.Kind == TaskActivityKind.Completed);
    }

    [Fact]
    public async Task The_pcps_acknowledgement_shows_in_the_tasks_history()
    {
        var taskId = await QueuePages.OpenTaskAsync(app);
        var pcpUser = await QueuePages.UserIdOf(app, Browsing.Pcp);
        await app.WithDatabase(async db =>
        {
            db.TaskActivities.Add(new TaskActivity { TaskId = taskId, UserId = pcpUser, At = DateTime.UtcNow, Kind = TaskActivityKind.Acknowledged });
            return await db.SaveChangesAsync();
        });

        var text = Browsing.Text(await (await app.SignedInAs(Browsing.CareManager)).GetStringAsync($"/Queue/{taskId}"));

        Assert.Contains("Task · PCP acknowledged the coordination message", text, StringComparison.Ordinal);
        Assert.Contains("by Dr. Maya Okafor", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_task_is_not_found_for_reading_and_for_every_action()
    {
        var client = await app.SignedInAs(Browsing.CareManager);
        var realTask = await QueuePages.OpenTaskAsync(app);
        var page = await client.GetStringAsync($"/Queue/{realTask}");
        var missing = await app.WithDatabase(db => db.CoordinationTasks.MaxAsync(t => t.Id)) + 1000;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Queue/{missing}")).StatusCode);
        foreach (var (handler, field, value) in new[] { ("Claim", null, ""), ("Complete", "Completion.Outcome", "Done"), ("Cancel", "Cancellation.Reason", ""), ("Resume", null, "") })
        {
            var fields = new Dictionary<string, string>
            {
                ["SubmissionId"] = Guid.NewGuid().ToString(),
                ["Version"] = Browsing.HiddenValue(page, "Version")!,
            };
            if (field is not null)
            {
                fields[field] = value;
            }

            var response = await client.PostFormAsync($"/Queue/{missing}?handler={handler}", page, fields);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler} on a missing task answered {response.StatusCode}.");
        }
    }

    [Theory]
    [InlineData(Browsing.Pcp)]
    [InlineData(Browsing.Bh)]
    [InlineData(Browsing.Admin)]
    public async Task Only_care_managers_may_act_on_a_task(string email)
    {
        var taskId = await QueuePages.OpenTaskAsync(app);
        var careManager = await app.SignedInAs(Browsing.CareManager);
        var page = await careManager.GetStringAsync($"/Queue/{taskId}");
        var other = await app.SignedInAs(email);

        var response = await other.PostFormAsync($"/Queue/{taskId}?handler=Claim", page, new() { ["SubmissionId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((CoordinationTaskStatus.Open, (string?)null), (task.Status, task.AssigneeUserId));
    }
}
