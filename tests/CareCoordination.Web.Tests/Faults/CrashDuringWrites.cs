using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Web.Infrastructure.Demo;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>
/// The real app, as its own process in Production, killed with SIGKILL while four people are saving: on restart the file
/// is intact, every save the app acknowledged (a redirect to its result) is there, and every save that reached the file
/// is there whole.
/// </summary>
public sealed partial class CrashDuringWrites(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "care.db");

    /// <summary>A save the app acknowledged: the form's submission id and the page it redirected to.</summary>
    private sealed record Acknowledged(Guid SubmissionId, string ResultUrl);

    [Fact]
    public async Task Every_acknowledged_save_survives_a_kill_9_mid_load_and_the_file_passes_its_integrity_check()
    {
        var acknowledged = new ConcurrentQueue<Acknowledged>();
        var refused = new ConcurrentQueue<string>();
        int lastEventBefore;
        await using (var app = await AppProcess.StartAsync(DatabasePath, _directory, "--seed-demo"))
        {
            var members = await QueryAsync("SELECT m.Id FROM Members m JOIN AspNetUsers u ON u.ProviderId = m.PcpId WHERE u.NormalizedEmail = 'PCP@DEMO.TEST' ORDER BY m.Id LIMIT 3");
            var task = (await QueryAsync("SELECT Id FROM CoordinationTasks WHERE Status = 'Open' AND AssigneeUserId IS NULL ORDER BY Id LIMIT 1")).Single();
            lastEventBefore = int.Parse((await QueryAsync("SELECT IFNULL(MAX(Id), 0) FROM CoordinationEvents")).Single(), CultureInfo.InvariantCulture);
            var careManager = await SignedInAsync(app, Browsing.CareManager);
            await ClaimAsync(careManager, task);
            HttpClient[] pcps = [await SignedInAsync(app, Browsing.Pcp), await SignedInAsync(app, Browsing.Pcp), await SignedInAsync(app, Browsing.Pcp)];

            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            List<Task> people =
            [
                .. pcps.Select((client, i) => KeepSavingAsync(() => RecordFindingAsync(client, members[i]), acknowledged, refused, stop.Token)),
                KeepSavingAsync(() => LogContactAttemptAsync(careManager, task), acknowledged, refused, stop.Token),
            ];
            while (clock.Elapsed < Load || acknowledged.Count < 20)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Only {acknowledged.Count} saves acknowledged in a minute:\n{app.Tail}");
                await Task.Delay(50);
            }

            await app.KillAsync();
            stop.Cancel();
            await Task.WhenAll(people);
            output.WriteLine($"Killed process {app.Id} after {clock.Elapsed.TotalSeconds:0.0} s and {acknowledged.Count} acknowledged saves");
        }

        Assert.True(refused.IsEmpty, $"Saves refused before the kill:\n{string.Join("\n", refused)}");
        await using (var restarted = await AppProcess.StartAsync(DatabasePath, _directory, "--seed-demo"))
        {
            Assert.Equal(["ok"], await QueryAsync("PRAGMA integrity_check"));
            Assert.Empty(await QueryAsync("PRAGMA foreign_key_check"));

            var tokens = (await QueryAsync("SELECT Id || ' ' || IFNULL(ResultUrl, '') FROM SubmissionTokens"))
                .Select(row => row.Split(' ', 2)).ToDictionary(row => Guid.Parse(row[0]), row => row[1]);
            var missing = acknowledged.Where(a => tokens.GetValueOrDefault(a.SubmissionId) != a.ResultUrl).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged saves are missing: {string.Join(", ", missing)}");
            var events = await QueryAsync("SELECT Id FROM CoordinationEvents");
            Assert.All(acknowledged.Where(a => a.ResultUrl.Contains("/Events/", StringComparison.Ordinal)),
                a => Assert.Contains(a.ResultUrl[(a.ResultUrl.LastIndexOf('/') + 1)..], events));

            // Whole or not at all: each event that reached the file has a task per flag and the token that pointed the person to it.
            var broken = await QueryAsync($"""
                SELECT e.Id FROM CoordinationEvents e
                WHERE e.Id > {lastEventBefore}
                  AND ((SELECT COUNT(*) FROM CoordinationFlags f WHERE f.EventId = e.Id) = 0
                    OR (SELECT COUNT(*) FROM CoordinationFlags f WHERE f.EventId = e.Id) <> (SELECT COUNT(*) FROM CoordinationTasks t WHERE t.EventId = e.Id)
                    OR NOT EXISTS (SELECT 1 FROM SubmissionTokens s WHERE s.ResultUrl = '/Members/' || e.MemberId || '/Events/' || e.Id))
                """);
            Assert.Empty(broken);

            var last = acknowledged.Last(a => a.ResultUrl.Contains("/Events/", StringComparison.Ordinal));
            var pcp = await SignedInAsync(restarted, Browsing.Pcp);
            Assert.Contains("PHQ-9", Browsing.Text(await pcp.GetStringAsync(last.ResultUrl)), StringComparison.Ordinal);
            output.WriteLine($"After the restart: integrity ok, {acknowledged.Count} of {acknowledged.Count} acknowledged saves present, {events.Count(e => int.Parse(e, CultureInfo.InvariantCulture) > lastEventBefore)} events from the load, all whole");
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Saves again and again until the app stops answering: each acknowledged save is kept, anything else but a dead server is a refusal.</summary>
    private static async Task KeepSavingAsync(Func<Task<(HttpResponseMessage Response, Guid SubmissionId)>> save, ConcurrentQueue<Acknowledged> acknowledged,
        ConcurrentQueue<string> refused, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var (response, submissionId) = await save();
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Enqueue(new Acknowledged(submissionId, response.Headers.Location!.ToString()));
                }
                else
                {
                    refused.Enqueue($"{(int)response.StatusCode}: {Browsing.Text(await response.Content.ReadAsStringAsync(CancellationToken.None))}");
                }
            }
            catch (HttpRequestException)
            {
                return; // The server is gone: whatever was in flight was never acknowledged.
            }
        }
    }

    private static async Task<(HttpResponseMessage, Guid)> RecordFindingAsync(HttpClient client, string memberId)
    {
        var url = $"/Members/{memberId}/Findings/New";
        var page = await client.GetStringAsync(url);
        var submissionId = Browsing.HiddenValue(page, "SubmissionId")!;
        return (await client.PostFormAsync(url, page, new()
        {
            ["Input.Category"] = "Depression",
            ["Input.Phq9"] = "14",
            ["Input.NextStep"] = "AskBhProviderServices",
            ["Input.SharingDiscussedWithMember"] = "true",
            ["SubmissionId"] = submissionId,
        }), Guid.Parse(submissionId));
    }

    private static async Task<(HttpResponseMessage, Guid)> LogContactAttemptAsync(HttpClient client, string taskId)
    {
        var page = await client.GetStringAsync($"/Queue/{taskId}");
        var submissionId = Browsing.HiddenValue(page, "SubmissionId")!;
        return (await client.PostFormAsync($"/Queue/{taskId}?handler=ContactAttempt", page, new()
        {
            ["ContactAttempt.Method"] = "Phone",
            ["ContactAttempt.Outcome"] = "LeftMessage",
            ["ContactAttempt.NextStep"] = "Call the PCP office again tomorrow",
            ["SubmissionId"] = submissionId,
            ["Version"] = Browsing.HiddenValue(page, "Version")!,
        }), Guid.Parse(submissionId));
    }

    private static async Task ClaimAsync(HttpClient client, string taskId)
    {
        var page = await client.GetStringAsync($"/Queue/{taskId}");
        var response = await client.PostFormAsync($"/Queue/{taskId}?handler=Claim", page, new() { ["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")! });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpClient> SignedInAsync(AppProcess app, string email)
    {
        var client = new HttpClient(new CookieJar(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var response = await client.SignInAsync(email, DemoData.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && !LoginPage().IsMatch(response.Headers.Location?.ToString() ?? ""),
            $"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>Each row's first column, read through a connection of the test's own.</summary>
    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    [GeneratedRegex("/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPage();
}
