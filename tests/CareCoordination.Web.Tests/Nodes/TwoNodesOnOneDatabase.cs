using System.Diagnostics.CodeAnalysis;
using System.Net;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Tests.Queue;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Nodes;

/// <summary>
/// Two app instances share one database and nothing else: a session, a form or a code from one is good on the other, and
/// simultaneous claims spread over both still have one winner.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit disposes both nodes through IAsyncLifetime.DisposeAsync.")]
public sealed class TwoNodesOnOneDatabase : IAsyncLifetime
{
    private readonly CareAppFactory _first = new();
    private SecondNode _second = null!;

    public Task InitializeAsync()
    {
        // The first node migrates and seeds; the second starts on what it finds, as in production.
        _first.StartServer();
        _second = new SecondNode(_first);
        _second.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_session_and_a_form_from_one_node_work_on_the_other()
    {
        var cookies = new System.Net.CookieContainer();
        var onFirst = Client(_first, cookies);
        var onSecond = Client(_second, cookies);

        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.SignInAsync(Browsing.CareManager)).StatusCode);
        var queue = await onSecond.GetAsync("/Queue");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);

        // A task page rendered by the second node, claimed through the first.
        var taskId = await QueuePages.OpenTaskAsync(_first, memberIndex: 3);
        var page = await onSecond.GetStringAsync($"/Queue/{taskId}");
        var claim = await onFirst.PostFormAsync($"/Queue/{taskId}?handler=Claim", page, new() { ["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")! });
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        Assert.Equal(CoordinationTaskStatus.InProgress, (await QueuePages.TaskAsync(_first, taskId)).Status);

        // Signing out on one node ends the session on both.
        var home = await onSecond.GetStringAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.PostFormAsync("/Account/Logout", home, [])).StatusCode);
        var afterwards = await onFirst.GetAsync("/Queue");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/Login", afterwards.Headers.Location?.PathAndQuery ?? afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_simultaneous_claims_split_across_both_nodes_have_one_winner()
    {
        var taskId = await QueuePages.OpenTaskAsync(_first, memberIndex: 7);
        var claimants = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var node = i % 2 == 0 ? (CareAppFactory)_first : _second;
            var client = Client(node, new System.Net.CookieContainer());
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Browsing.CareManager)).StatusCode);
            claimants.Add((client, Browsing.AntiforgeryToken(await client.GetStringAsync($"/Queue/{taskId}"))));
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = claimants.Select(async claimant =>
        {
            await go.Task;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["SubmissionId"] = Guid.NewGuid().ToString(),
                ["__RequestVerificationToken"] = claimant.Token,
            });
            using var response = await claimant.Client.PostAsync($"/Queue/{taskId}?handler=Claim", form);
            return response.StatusCode;
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(claims);

        Assert.DoesNotContain(answers, status => (int)status >= 500);
        Assert.Equal(1, answers.Count(status => status == HttpStatusCode.Redirect));
        Assert.Equal(19, answers.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(1, await _first.WithDatabase(db => db.TaskActivities.CountAsync(a => a.TaskId == taskId && a.Kind == TaskActivityKind.Claimed)));
    }

    /// <summary>A browser: its cookies in <paramref name="cookies"/>, so two clients on two nodes can be one browser.</summary>
    private static HttpClient Client(CareAppFactory node, System.Net.CookieContainer cookies) =>
        node.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
}
