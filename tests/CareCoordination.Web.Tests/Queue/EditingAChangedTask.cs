using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Pages.Queue;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>
/// Two care managers on one task: a change posted from a page that went stale is not applied. The person sees what they
/// tried and what is there now, both versions, and keeps everything they typed.
/// </summary>
public class EditingAChangedTask(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private const string Colleague = "drew.cm@demo.test";

    private async Task<HttpClient> ColleagueClient()
    {
        if (!await app.WithDatabase(db => db.Users.AnyAsync(u => u.Email == Colleague)))
        {
            await QueuePages.AddCareManagerAsync(app, Colleague, "Drew Patel");
        }

        return await app.SignedInAs(Colleague);
    }

    private async Task<(HttpClient Me, int TaskId, string StalePage)> ClaimedTaskOpenInMyBrowser(int memberIndex)
    {
        var me = await app.SignedInAs(Browsing.CareManager);
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex);
        await me.FollowedAsync(await me.ActAsync(taskId, "Claim"), taskId);
        return (me, taskId, await me.GetStringAsync($"/Queue/{taskId}"));
    }

    private static Dictionary<string, string> FormOf(string page, Dictionary<string, string> fields)
    {
        fields["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!;
        fields["Version"] = Browsing.HiddenValue(page, "Version")!;
        return fields;
    }

    [Fact]
    public async Task Completing_from_a_stale_page_shows_both_versions_keeps_the_outcome_and_saves_nothing()
    {
        var (me, taskId, stalePage) = await ClaimedTaskOpenInMyBrowser(memberIndex: 30);
        var mine = (await QueuePages.TaskAsync(app, taskId)).Version;
        var colleague = await ColleagueClient();
        await colleague.FollowedAsync(await colleague.ActAsync(taskId, "WaitOnProvider"), taskId);
        var theirs = (await QueuePages.TaskAsync(app, taskId)).Version;

        var response = await me.PostFormAsync($"/Queue/{taskId}?handler=Complete", stalePage,
            FormOf(stalePage, new() { ["Completion.Outcome"] = "PCP office confirmed; labs booked for Tuesday" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = QueuePages.Said(html);
        Assert.Contains("This task was changed by someone else", text, StringComparison.Ordinal);
        Assert.Contains($"Complete the task with the outcome “PCP office confirmed; labs booked for Tuesday”, from version {DetailModel.ShortVersion(mine)}", text, StringComparison.Ordinal);
        Assert.Contains($"Version {DetailModel.ShortVersion(theirs)}: waiting on provider, assigned to Jordan Ellis", text, StringComparison.Ordinal);
        Assert.Contains("Latest: Waiting on provider by Drew Patel", text, StringComparison.Ordinal);
        Assert.Contains("PCP office confirmed; labs booked for Tuesday</textarea>", html, StringComparison.Ordinal);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(html, "name=\"Version\" value=\"([^\"]+)\""),
            m => Assert.Equal(theirs.ToString(), m.Groups[1].Value));
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((CoordinationTaskStatus.WaitingOnProvider, theirs), (task.Status, task.Version));
        Assert.Equal(1, await app.WithDatabase(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.TaskChanged && a.MemberId == task.MemberId && a.Outcome == AuditOutcome.Failure)));

        // Having seen the change, the person submits the kept form again: now it applies.
        var again = await me.PostFormAsync($"/Queue/{taskId}?handler=Complete", html, FormOf(html, new() { ["Completion.Outcome"] = "PCP office confirmed; labs booked for Tuesday" }));
        await me.FollowedAsync(again, taskId);
        Assert.Equal(CoordinationTaskStatus.Completed, (await QueuePages.TaskAsync(app, taskId)).Status);
    }

    [Fact]
    public async Task A_contact_attempt_typed_while_someone_closed_the_task_is_quoted_back_in_full()
    {
        var (me, taskId, stalePage) = await ClaimedTaskOpenInMyBrowser(memberIndex: 31);
        var colleague = await ColleagueClient();
        await colleague.FollowedAsync(await colleague.ActAsync(taskId, "Cancel", new() { ["Cancellation.Reason"] = "Member disenrolled" }), taskId);

        var response = await me.PostFormAsync($"/Queue/{taskId}?handler=ContactAttempt", stalePage, FormOf(stalePage, new()
        {
            ["ContactAttempt.Method"] = "Fax",
            ["ContactAttempt.Outcome"] = "Sent",
            ["ContactAttempt.NextStep"] = "Confirm the fax arrived by Friday",
            ["ContactAttempt.Note"] = "Sent the medication list to the PCP fax",
        }));

        var text = QueuePages.Said(await response.Content.ReadAsStringAsync());
        Assert.Contains("This task was changed by someone else", text, StringComparison.Ordinal);
        Assert.Contains("Log a contact attempt (Fax, Sent). Next step: “Confirm the fax arrived by Friday” Note: “Sent the medication list to the PCP fax”", text, StringComparison.Ordinal);
        Assert.Contains("cancelled", text, StringComparison.Ordinal);
        Assert.Contains("outcome “Member disenrolled”", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDatabase(db => db.TaskActivities.CountAsync(a => a.TaskId == taskId && a.Kind == TaskActivityKind.ContactAttempt)));
    }

    [Fact]
    public async Task A_change_that_lands_between_our_read_and_our_write_is_a_conflict_too()
    {
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 32);
        var race = new ChangeLandsFirst(taskId);
        using var racing = app.WithInterceptor(race);
        var me = await racing.SignedInClient(Browsing.CareManager);
        await me.FollowedAsync(await me.ActAsync(taskId, "Claim"), taskId);
        var mine = (await QueuePages.TaskAsync(app, taskId)).Version;

        var response = await me.ActAsync(taskId, "Complete", new() { ["Completion.Outcome"] = "Closed the loop by phone" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = QueuePages.Said(html);
        Assert.NotNull(race.TheirVersion);
        Assert.Contains("This task was changed by someone else", text, StringComparison.Ordinal);
        Assert.Contains($"from version {DetailModel.ShortVersion(mine)}", text, StringComparison.Ordinal);
        Assert.Contains($"Version {DetailModel.ShortVersion(race.TheirVersion.Value)}: waiting on provider", text, StringComparison.Ordinal);
        Assert.Contains("Closed the loop by phone</textarea>", html, StringComparison.Ordinal);
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((CoordinationTaskStatus.WaitingOnProvider, (string?)null), (task.Status, task.Outcome));
        Assert.Equal(0, await app.WithDatabase(db => db.TaskActivities.CountAsync(a => a.TaskId == taskId && a.Kind == TaskActivityKind.Completed)));
    }
}
