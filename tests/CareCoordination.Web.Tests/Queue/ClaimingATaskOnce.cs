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
}
