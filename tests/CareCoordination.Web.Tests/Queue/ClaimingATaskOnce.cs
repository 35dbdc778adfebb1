using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>Claiming is one conditional update: however many care managers press "Claim" at once, one gets the task.</summary>
public class ClaimingATaskOnce(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task Twenty_simultaneous_claims_from_two_care_managers_have_exactly_one_winner()
    {
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 40);
        var riley = await QueuePages.AddCareManagerAsync(app, "riley.cm@demo.test", "Riley Chen");
        var sam = await QueuePages.AddCareManagerAsync(app, "sam.cm@demo.test", "Sam Ortiz");
        HttpClient[] clients = [await app.SignedInAs("riley.cm@demo.test"), await app.SignedInAs("sam.cm@demo.test")];
        var url = $"/Queue/{taskId}";
        var forms = new List<(HttpClient Client, string Page)>();
        for (var i = 0; i < 20; i++)
        {
            var client = clients[i % 2];
            forms.Add((client, await client.GetStringAsync(url)));
        }

        Assert.All(forms, form => Assert.Contains("Claim this task", form.Page, StringComparison.Ordinal));
        var go = new TaskCompletionSource();
        var claims = forms.Select(async form =>
        {
            await go.Task;
            var response = await form.Client.PostFormAsync($"{url}?handler=Claim", form.Page,
                new() { ["SubmissionId"] = Browsing.HiddenValue(form.Page, "SubmissionId")! });
            return (response.StatusCode, Text: Browsing.Text(await response.Content.ReadAsStringAsync()));
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(claims);

        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Contains(task.AssigneeUserId, new[] { riley, sam });
        var winner = task.AssigneeUserId == riley ? "Riley Chen" : "Sam Ortiz";
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.OK && a.Text.Contains($"Already claimed by {winner}.", StringComparison.Ordinal)));
        Assert.Equal(CoordinationTaskStatus.InProgress, task.Status);
        var (claimed, audits) = await app.WithDatabase(async db => (
            await db.TaskActivities.CountAsync(a => a.TaskId == taskId && a.Kind == TaskActivityKind.Claimed),
            await db.AuditEntries.Where(a => a.Action == AuditAction.TaskChanged && a.MemberId == task.MemberId)
                .GroupBy(a => a.Outcome).ToDictionaryAsync(g => g.Key, g => g.Count())));
        Assert.Equal(1, claimed);
        Assert.Equal((1, 19), (audits.GetValueOrDefault(AuditOutcome.Success), audits.GetValueOrDefault(AuditOutcome.Denied)));
    }

    [Fact]
    public async Task A_refused_claim_leaves_its_form_usable_once_the_task_is_free_again()
    {
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 41);
        await QueuePages.AddCareManagerAsync(app, "avery.cm@demo.test", "Avery Quinn");
        var blake = await QueuePages.AddCareManagerAsync(app, "blake.cm@demo.test", "Blake Ito");
        var avery = await app.SignedInAs("avery.cm@demo.test");
        var blakes = await app.SignedInAs("blake.cm@demo.test");
        var url = $"/Queue/{taskId}";
        var blakesPage = await blakes.GetStringAsync(url);
        var submissionId = Guid.Parse(Browsing.HiddenValue(blakesPage, "SubmissionId")!);
        var blakesForm = new Dictionary<string, string> { ["SubmissionId"] = submissionId.ToString() };

        await avery.FollowedAsync(await avery.ActAsync(taskId, "Claim"), taskId);
        var refused = await blakes.PostFormAsync($"{url}?handler=Claim", blakesPage, new(blakesForm));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Already claimed by Avery Quinn.", Browsing.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDatabase(db => db.SubmissionTokens.AnyAsync(t => t.Id == submissionId)));

        // Avery lets the task go (as a supervisor would put it back in the queue), and Blake sends the same form again.
        await app.WithDatabase(db => db.CoordinationTasks.Where(t => t.Id == taskId).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.AssigneeUserId, (string?)null).SetProperty(t => t.Status, CoordinationTaskStatus.Open).SetProperty(t => t.Version, Guid.NewGuid())));
        var resent = await blakes.PostFormAsync($"{url}?handler=Claim", blakesPage, new(blakesForm));

        await blakes.FollowedAsync(resent, taskId);
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((blake, CoordinationTaskStatus.InProgress), (task.AssigneeUserId, task.Status));
    }

    [Fact]
    public async Task A_change_the_task_refuses_leaves_its_form_unused()
    {
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 42);
        var client = await app.SignedInAs(Browsing.CareManager);
        var page = await client.GetStringAsync($"/Queue/{taskId}");
        var submissionId = Guid.Parse(Browsing.HiddenValue(page, "SubmissionId")!);

        // Only a task in progress can wait on its provider; this one is still open.
        var refused = await client.PostFormAsync($"/Queue/{taskId}?handler=WaitOnProvider", page,
            new() { ["SubmissionId"] = submissionId.ToString(), ["Version"] = Browsing.HiddenValue(page, "Version")! });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(CoordinationTaskStatus.Open, (await QueuePages.TaskAsync(app, taskId)).Status);
        Assert.False(await app.WithDatabase(db => db.SubmissionTokens.AnyAsync(t => t.Id == submissionId)));
    }
}
