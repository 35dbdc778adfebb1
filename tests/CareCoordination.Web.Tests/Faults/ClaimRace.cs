using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Tests.Queue;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>
/// Fifty care managers' browsers press "Claim" on the same task at the same instant, a hundred times over: each time one
/// of them holds the task, the other forty-nine are told who does, nobody gets an error, and the task's history and the
/// audit trail record exactly one claim.
/// </summary>
public class ClaimRace(CareAppFactory app, ITestOutputHelper output) : IClassFixture<CareAppFactory>
{
    private const int Rounds = 100;
    private const int Claimants = 50;
    private const int Accounts = 10;

    private sealed record Claimant(HttpClient Client, string UserId, string DisplayName, string AntiforgeryToken);

    [Fact]
    public async Task Fifty_simultaneous_claims_have_exactly_one_winner_in_each_of_a_hundred_rounds()
    {
        var claimants = await SignInClaimantsAsync();
        var problems = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;

        for (var round = 1; round <= Rounds; round++)
        {
            var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: round % 40);
            var auditsBefore = await ClaimAuditsAsync();
            var started = Stopwatch.StartNew();
            var answers = await ClaimAllAtOnceAsync(claimants, taskId);
            slowest = started.Elapsed > slowest ? started.Elapsed : slowest;

            var task = await QueuePages.TaskAsync(app, taskId);
            var winners = answers.Where(a => a.Status == HttpStatusCode.Redirect).ToList();
            var holder = claimants.FirstOrDefault(c => c.UserId == task.AssigneeUserId);
            var refusal = $"Already claimed by {holder?.DisplayName}.";
            var claimed = await app.WithDatabase(db => db.TaskActivities.CountAsync(a => a.TaskId == taskId && a.Kind == TaskActivityKind.Claimed));
            var audits = await ClaimAuditsAsync();
            var said = $"Round {round} (task {taskId})";
            Check(answers.All(a => (int)a.Status < 500), $"{said}: {answers.Count(a => (int)a.Status >= 500)} answers were server errors");
            Check(winners.Count == 1, $"{said}: {winners.Count} claims succeeded");
            Check(holder is not null && task.Status == CoordinationTaskStatus.InProgress, $"{said}: the task is {task.Status}, held by '{task.AssigneeUserId}'");
            Check(winners.Count == 1 && winners[0].Claimant.UserId == task.AssigneeUserId && winners[0].Location == $"/Queue/{taskId}",
                $"{said}: the successful claim was not the holder's, or went elsewhere");
            Check(answers.Count(a => a.Status == HttpStatusCode.OK && a.Text.Contains(refusal, StringComparison.Ordinal)) == Claimants - 1,
                $"{said}: {answers.Count(a => a.Text.Contains(refusal, StringComparison.Ordinal))} of {Claimants - 1} refusals said \"{refusal}\"");
            Check(claimed == 1, $"{said}: {claimed} Claimed entries in the task's history");
            Check(audits.Success - auditsBefore.Success == 1 && audits.Denied - auditsBefore.Denied == Claimants - 1,
                $"{said}: {audits.Success - auditsBefore.Success} successful and {audits.Denied - auditsBefore.Denied} denied TaskChanged audit entries");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Rounds} rounds of {Claimants} simultaneous claims in {clock.Elapsed.TotalSeconds:0.0} s; slowest round {slowest.TotalMilliseconds:0} ms"));
        Assert.True(problems.IsEmpty, string.Join("\n", problems));

        void Check(bool holds, string problem)
        {
            if (!holds)
            {
                problems.Enqueue(problem);
            }
        }
    }

    /// <summary>
    /// Ten care manager accounts, five browsers each. Each browser keeps the antiforgery token of its session, as a tab
    /// left open does, and each claim carries a fresh submission id, as a freshly rendered task page would.
    /// </summary>
    private async Task<List<Claimant>> SignInClaimantsAsync()
    {
        var accounts = new List<(string Email, string UserId, string Name)>();
        for (var i = 1; i <= Accounts; i++)
        {
            var (email, name) = ($"racer{i}.cm@demo.test", $"Racer {i} Okoye");
            accounts.Add((email, await QueuePages.AddCareManagerAsync(app, email, name), name));
        }

        var anyTask = await QueuePages.OpenTaskAsync(app, memberIndex: 41);
        var claimants = new List<Claimant>();
        for (var i = 0; i < Claimants; i++)
        {
            var (email, userId, name) = accounts[i % Accounts];
            var client = await app.SignedInAs(email);
            claimants.Add(new Claimant(client, userId, name, Browsing.AntiforgeryToken(await client.GetStringAsync($"/Queue/{anyTask}"))));
        }

        return claimants;
    }

    private static async Task<List<(Claimant Claimant, HttpStatusCode Status, string? Location, string Text)>> ClaimAllAtOnceAsync(List<Claimant> claimants, int taskId)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = claimants.Select(async claimant =>
        {
            await go.Task;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["SubmissionId"] = Guid.NewGuid().ToString(),
                ["__RequestVerificationToken"] = claimant.AntiforgeryToken,
            });
            using var response = await claimant.Client.PostAsync($"/Queue/{taskId}?handler=Claim", form);
            return (claimant, response.StatusCode, response.Headers.Location?.ToString(), Browsing.Text(await response.Content.ReadAsStringAsync()));
        }).ToList();
        go.SetResult();
        return [.. await Task.WhenAll(claims)];
    }

    private Task<(int Success, int Denied)> ClaimAuditsAsync() => app.WithDatabase(async db => (
        await db.AuditEntries.CountAsync(a => a.Action == AuditAction.TaskChanged && a.Outcome == AuditOutcome.Success),
        await db.AuditEntries.CountAsync(a => a.Action == AuditAction.TaskChanged && a.Outcome == AuditOutcome.Denied)));
}
