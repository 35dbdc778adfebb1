using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Tests.Admin;
using CareCoordination.Web.Tests.Prescriptions;
using CareCoordination.Web.Tests.Queue;
using CareCoordination.Web.Tests.Releases;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>
/// Each representative save, with each of its SQL commands failing in turn (before the command runs, and after it ran but
/// before its answer arrives), then its commit failing: every time the person gets the error page with a reference and
/// the database is exactly as it was, every row of every table. Then the same form still saves.
/// </summary>
public class AllOrNothing(FaultInjectingAppFactory app, ITestOutputHelper output) : IClassFixture<FaultInjectingAppFactory>
{
    /// <summary>Opens a form as a person does (its page, antiforgery token, submission id) and returns how to post it.</summary>
    private delegate Task<Func<Task<HttpResponseMessage>>> OpenForm();

    [Fact]
    public async Task A_pcp_finding_with_its_flags_tasks_and_audit_is_saved_whole_or_not_at_all()
    {
        var memberId = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var url = $"/Members/{memberId}/Findings/New";
        var finding = new Dictionary<string, string>
        {
            ["Input.Category"] = "Depression",
            ["Input.Phq9"] = "17",
            ["Input.Phq9Item9"] = "1",
            ["Input.NextStep"] = "AskBhProviderServices",
            ["Input.Note"] = "Tearful, poor sleep",
            ["Input.SharingDiscussedWithMember"] = "true",
        };

        await ProveAllOrNothingAsync("PCP finding", () => Task.FromResult<OpenForm>(() => FormAsync(client, url, url, finding)),
            async response => Assert.NotEmpty(await TasksOfEventAsync(BhCaseload.EventId(response, memberId))));
    }

    [Fact]
    public async Task A_bh_prescription_change_stopping_the_old_order_is_saved_whole_or_not_at_all()
    {
        const string Sertraline = "N06AB06";
        var memberId = await app.CaseloadMemberAsync(BhCaseload.NotTaking(Sertraline), newestFirst: true);
        await app.PrescribedAsync(memberId, "sertraline 50 MG Oral Tablet", Sertraline, 50m, MedicationFrequency.OnceDaily);
        var client = await app.SignedInAs(Browsing.Bh);

        // Each save doubles the open order's dose, so the next one has an order to change: a T1 change the PCP is told about.
        await ProveAllOrNothingAsync("BH prescription change", async () =>
        {
            var order = await app.WithDatabase(db => db.MedicationOrders.Where(o => o.MemberId == memberId && o.AtcCode == Sertraline && o.StopOn == null).SingleAsync());
            var url = $"/Members/{memberId}/Prescriptions/{order.Id}/Change";
            var change = new Dictionary<string, string>
            {
                ["Input.Dose"] = (order.Dose * 2).ToString(CultureInfo.InvariantCulture),
                ["Input.DoseUnit"] = "mg",
                ["Input.Frequency"] = "OnceDaily",
                ["Input.Reason"] = "Partial response at 8 weeks",
                ["Input.SharingDiscussedWithMember"] = "true",
            };
            return () => FormAsync(client, url, url, change);
        }, async response =>
        {
            var eventId = BhCaseload.EventId(response, memberId);
            Assert.NotNull(await app.MessageToPcpAsync(eventId));
            Assert.NotEmpty(await TasksOfEventAsync(eventId));
        });
    }

    [Fact]
    public async Task Completing_a_queue_task_is_saved_whole_or_not_at_all()
    {
        var client = await app.SignedInAs(Browsing.CareManager);

        await ProveAllOrNothingAsync("Queue task completion", async () =>
        {
            var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 30);
            await client.FollowedAsync(await client.ActAsync(taskId, "Claim"), taskId);
            var url = $"/Queue/{taskId}";
            return () => FormAsync(client, url, $"{url}?handler=Complete", new() { ["Completion.Outcome"] = "PCP confirmed the evaluation is booked" });
        }, async response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var taskId = int.Parse(response.Headers.Location!.ToString()["/Queue/".Length..], CultureInfo.InvariantCulture);
            Assert.Equal(CoordinationTaskStatus.Completed, (await QueuePages.TaskAsync(app, taskId)).Status);
        });
    }

    [Fact]
    public async Task A_signed_release_with_its_scanned_form_is_saved_whole_or_not_at_all()
    {
        var memberId = await app.PanelMemberWithoutReleases();
        var recipient = await app.PcpProviderId();
        var client = await app.SignedInAs(Browsing.CareManager);
        var url = $"/Members/{memberId}/Releases/New";
        var today = app.Today();
        List<KeyValuePair<string, string>> release =
        [
            new("Input.Kind", nameof(ReleaseKind.PsychotherapyNotesAuthorization)),
            new("Input.Information", nameof(ReleasedInformation.PsychotherapyNotes)),
            new("Input.InformationDescription", "Notes from weekly sessions with Dr. Lowe"),
            new("Input.AuthorizedDiscloser", "Dr. Hannah Lowe, PsyD"),
            new("Input.RecipientProviderId", recipient.ToString(CultureInfo.InvariantCulture)),
            new("Input.Purpose", "So my PCP can follow my trauma treatment"),
            new("Input.EffectiveOn", Iso(today.AddDays(-2))),
            new("Input.ExpiresOn", Iso(today.AddDays(363))),
            new("Input.SignedOn", Iso(today.AddDays(-2))),
            new("Input.SignedBy", nameof(SignerKind.Member)),
            new("Input.SignerName", "Riley Member"),
        ];

        await ProveAllOrNothingAsync("Release with its upload", () => Task.FromResult<OpenForm>(() => UploadFormAsync(client, url, release)), async response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Members/{memberId}/Releases", response.Headers.Location!.ToString());
            Assert.True(await app.WithDatabase(db => db.Releases.Where(r => r.MemberId == memberId).AllAsync(r => db.ReleaseDocuments.Any(d => d.ReleaseId == r.Id))));
        });
    }

    [Fact]
    public async Task A_new_provider_in_the_directory_is_saved_whole_or_not_at_all()
    {
        var client = await app.SignedInAs(Browsing.Admin);
        var next = 190000500;

        await ProveAllOrNothingAsync("Admin provider creation", () =>
        {
            var npi = AdminForms.ValidNpi(next++);
            var provider = new Dictionary<string, string>
            {
                ["Input.Npi"] = npi,
                ["Input.GivenName"] = "Ruth",
                ["Input.FamilyName"] = "Faultline",
                ["Input.Credentials"] = "PhD",
                ["Input.Kind"] = "BehavioralHealthPractitioner",
                ["Input.Discipline"] = "Psychologist",
                ["Input.CanPrescribe"] = "false",
                ["Input.PpgId"] = "",
                ["Input.Phone"] = "",
                ["Input.Fax"] = "",
                ["Input.SecureEmail"] = "",
            };
            return Task.FromResult<OpenForm>(() => FormAsync(client, "/Admin/Providers/New", "/Admin/Providers/New", provider));
        }, async response =>
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Admin/Providers", response.Headers.Location!.ToString());
            Assert.True(await app.WithDatabase(db => db.Providers.AnyAsync(p => p.FamilyName == "Faultline")));
        });
    }

    /// <summary>
    /// The first command of every signed-in request is the session check (the user's security stamp), run by the cookie
    /// handler. When it fails, the person must still get the error page with its reference, not a bare 500.
    /// </summary>
    [Fact]
    public async Task A_database_failure_while_checking_the_session_still_shows_the_error_page()
    {
        var client = await app.SignedInAs(Browsing.Pcp);
        var before = await DatabaseSnapshot.TakeAsync(app.DatabasePath);
        app.Faults.Arm(failAt: 1);

        var sent = await Record.ExceptionAsync(async () => await AssertErrorPageAsync((await SendArmedAsync(() => client.GetAsync("/"))).Response, "The session check failing"));

        Assert.True(app.Faults.Fired is not null && IsSessionCheck(app.Faults.FiredOn!), $"The fault hit {app.Faults.FiredOn}, not the session check");
        (await DatabaseSnapshot.TakeAsync(app.DatabasePath)).AssertUnchangedSince(before, "The session check failing");
        Assert.True(sent is null, $"The request failed outside the error page: {sent?.GetType().Name}: {sent?.Message}");
    }

    /// <summary>The database goes away while people are signed in: each of their pages says so, with a reference, and nothing is half-saved.</summary>
    [Fact]
    public async Task While_the_database_is_down_a_signed_in_person_gets_the_error_page()
    {
        var client = await app.SignedInAs(Browsing.Pcp);
        var before = await DatabaseSnapshot.TakeAsync(app.DatabasePath);
        app.Faults.TakeDown();

        var sent = await Record.ExceptionAsync(async () => await AssertErrorPageAsync((await SendArmedAsync(() => client.GetAsync("/"))).Response, "The database being down"));

        (await DatabaseSnapshot.TakeAsync(app.DatabasePath)).AssertUnchangedSince(before, "The database being down");
        Assert.True(sent is null, $"The request failed outside the error page: {sent?.GetType().Name}: {sent?.Message}");
    }

    /// <summary>
    /// Counts the commands of one successful save (N), then, on a fresh form, fails each of the N commands in turn at each
    /// moment and then the commit, checking the error page and the whole database each time; finally saves for real.
    /// </summary>
    private async Task ProveAllOrNothingAsync(string save, Func<Task<OpenForm>> prepare, Func<HttpResponseMessage, Task> assertSaved)
    {
        var clock = Stopwatch.StartNew();
        var counted = await (await prepare())();
        app.Faults.Arm();
        var commands = await SendArmedAsync(counted);
        await assertSaved(commands.Response);
        var n = commands.Seen.Count;
        output.WriteLine($"{save}: N = {n} commands");
        foreach (var (command, index) in commands.Seen.Select((c, i) => (c, i + 1)))
        {
            output.WriteLine($"  {index,2}. {command}");
        }

        var open = await prepare();
        foreach (var moment in Enum.GetValues<FaultMoment>())
        {
            for (var k = 1; k <= n; k++)
            {
                var failAt = k;
                await FailsWithNothingSavedAsync(open, $"{save}, command {k} of {n} failing {moment}", () => app.Faults.Arm(failAt, moment),
                    errorPageShown: !IsSessionCheck(commands.Seen[k - 1]));
            }
        }

        await FailsWithNothingSavedAsync(open, $"{save}, its commit failing", () => app.Faults.Arm(failCommit: true));

        var post = await open();
        app.Faults.Arm();
        var final = await SendArmedAsync(post);
        await assertSaved(final.Response);
        Assert.Equal(n, final.Seen.Count);
        output.WriteLine($"{save}: {2 * n + 1} failed attempts and 2 saves in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <param name="errorPageShown">
    /// False only for the session check that runs before the page: its failure escapes the error page today (see
    /// <see cref="A_database_failure_while_checking_the_session_still_shows_the_error_page"/>); the database must still be untouched.
    /// </param>
    private async Task FailsWithNothingSavedAsync(OpenForm open, string what, Action arm, bool errorPageShown = true)
    {
        var post = await open();
        var before = await DatabaseSnapshot.TakeAsync(app.DatabasePath);
        arm();
        if (errorPageShown)
        {
            await AssertErrorPageAsync((await SendArmedAsync(post)).Response, what);
        }
        else
        {
            await Record.ExceptionAsync(() => SendArmedAsync(post));
        }

        Assert.True(app.Faults.Fired is not null, $"{what}: the fault never fired");
        (await DatabaseSnapshot.TakeAsync(app.DatabasePath)).AssertUnchangedSince(before, what);
    }

    private static async Task AssertErrorPageAsync(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{what}: answered {(int)response.StatusCode} {response.Headers.Location}, not the error page");
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"Reference:\s+\S+", text);
        Assert.True(text.Contains("Nothing you entered was saved.", StringComparison.Ordinal) || text.Contains("nothing was half-saved", StringComparison.Ordinal),
            $"{what}: the error page does not say nothing was saved: {text}");
    }

    private static bool IsSessionCheck(string command) => command.StartsWith("SELECT \"a\".\"SecurityStamp\" FROM \"AspNetUsers\"", StringComparison.Ordinal);

    private async Task<(HttpResponseMessage Response, IReadOnlyList<string> Seen)> SendArmedAsync(Func<Task<HttpResponseMessage>> post)
    {
        try
        {
            var response = await post();
            return (response, app.Faults.Disarm());
        }
        catch
        {
            app.Faults.Disarm();
            throw;
        }
    }

    private static async Task<Func<Task<HttpResponseMessage>>> FormAsync(HttpClient client, string url, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var filled = new Dictionary<string, string>(fields) { ["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")! };
        if (Browsing.HiddenValue(page, "Version") is { } version)
        {
            filled["Version"] = version;
        }

        return () => client.PostFormAsync(action, page, new(filled));
    }

    /// <summary>The release form as a browser posts it: multipart, with the scanned PDF.</summary>
    private static async Task<Func<Task<HttpResponseMessage>>> UploadFormAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        List<KeyValuePair<string, string>> filled = [.. fields, new("__RequestVerificationToken", Browsing.AntiforgeryToken(page)), new("SubmissionId", Browsing.HiddenValue(page, "SubmissionId")!)];
        return async () =>
        {
            using var form = new MultipartFormDataContent();
            foreach (var (name, value) in filled)
            {
                form.Add(new StringContent(value), name);
            }

            var scan = new ByteArrayContent(ReleaseTesting.Pdf);
            scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(scan, "Input.SignedDocument", "signed-release.pdf");
            return await client.PostAsync(url, form);
        };
    }

    private Task<List<CoordinationTask>> TasksOfEventAsync(int eventId) =>
        app.WithDatabase(db => db.CoordinationTasks.Where(t => t.EventId == eventId).ToListAsync());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
