using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// Every POST handler the app serves, posted by someone allowed to use it but without a valid antiforgery token (none, or
/// one from another person's session): 400, and not one row of the database changes, audit trail included. The same post
/// with the page's own token is then not refused, so it is the token that made the difference.
/// </summary>
public class AntiforgeryOnEveryPost(CareAppFactory app, ITestOutputHelper output) : IClassFixture<CareAppFactory>
{
    /// <summary>
    /// Posts that need no token, on purpose: the error and status pages re-execute whatever request failed, POSTs included,
    /// and change nothing. The test holds them to that.
    /// </summary>
    private static readonly HashSet<string> NoTokenNeeded = ["POST /Error", "POST /StatusCode/{code}"];

    [Fact]
    public async Task Every_post_without_a_valid_token_is_refused_and_changes_nothing()
    {
        var table = AuthorizationTable.Parse(AuthorizationExpectations.Table);
        var posts = (await AppHandlers.AllAsync(app)).Where(h => h.IsPost && h.IsPage).OrderBy(h => h.SessionEndingOrder).ToList();
        var unknown = posts.Where(h => !table.ContainsKey(h.Key)).Select(h => h.Key).ToList();
        Assert.True(unknown.Count == 0, $"POST handlers without a line in AuthorizationExpectations.Table: {string.Join("; ", unknown)}");
        var world = await SecurityWorld.ArrangeAsync(app);
        var visitors = await Visitors.AllAsync(app);
        var stranger = await Visitors.ArriveAsync(app, Role.Anonymous);
        using var watch = new DatabaseWatch(app.DatabasePath);
        var failures = new List<string>();
        var requests = 0;

        foreach (var handler in posts)
        {
            var line = table[handler.Key];
            var role = PageForms.UserOf(line);
            var visitor = visitors[role];
            var url = await world.UrlAsync(line.Target, role, Ownership.Own, handler.Name);
            var shown = await PageForms.ShownAsync(visitor.Client, url, handler.Name);
            var parts = shown?.RenderedParts.ToList() ?? [new FormPart("SubmissionId", Guid.NewGuid().ToString())];
            var multipart = shown?.Form.Multipart ?? false;
            var otherSession = role == Role.Anonymous ? stranger : visitors[role == Role.CareManager ? Role.Pcp : Role.CareManager];
            var before = watch.Fingerprint(everyTable: true);

            if (NoTokenNeeded.Contains(handler.Key))
            {
                var exempt = Answer.Of(await visitor.Client.PostAsync(url, FormBody.Create(parts, multipart)));
                requests++;
                Check(exempt.Seen == Seen.Ok, $"{handler.Key} without a token: expected the page (it needs none), got {exempt}");
                Check(DatabaseWatch.Differences(before, watch.Fingerprint(everyTable: true)) is [], $"{handler.Key} changed the database");
                continue;
            }

            var withoutToken = Answer.Of(await visitor.Client.PostAsync(url, FormBody.Create(parts, multipart)));
            var foreignToken = Answer.Of(await visitor.Client.PostAsync(url, FormBody.Create([.. parts, new FormPart(HtmlForms.TokenName, otherSession.Token)], multipart)));
            var changed = DatabaseWatch.Differences(before, watch.Fingerprint(everyTable: true));
            var control = Answer.Of(await visitor.Client.PostAsync(url, FormBody.Create([.. parts, new FormPart(HtmlForms.TokenName, shown?.Form.Token ?? visitor.Token)], multipart)));
            requests += 4;

            Check(withoutToken.Status == 400, $"{role} {handler.Method} {url} without a token: expected 400, got {withoutToken}");
            Check(foreignToken.Status == 400, $"{role} {handler.Method} {url} with {otherSession.Role}'s token: expected 400, got {foreignToken}");
            Check(changed.Count == 0, $"{role} {handler.Method} {url} without a valid token changed {string.Join(", ", changed)}");
            Check(control.Status is not 400 and < 500, $"{role} {handler.Method} {url} with its own token: expected it to get past the token check, got {control}");
        }

        output.WriteLine($"Antiforgery: {posts.Count} POST handlers ({posts.Count - NoTokenNeeded.Count} need a token), {requests} requests; {failures.Count} failures.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        void Check(bool passed, string failure)
        {
            if (!passed)
            {
                failures.Add(failure);
            }
        }
    }

    [Fact]
    public async Task Signing_in_without_a_valid_token_signs_nobody_in()
    {
        var person = await Visitors.ArriveAsync(app, Role.Anonymous);
        var stranger = await Visitors.ArriveAsync(app, Role.Anonymous);
        var signIns = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInSucceeded));
        FormPart[] credentials = [new("Input.Email", Browsing.Pcp), new("Input.Password", Infrastructure.Demo.DemoData.Password), new("ReturnUrl", "")];

        var withoutToken = await person.Client.PostAsync("/Account/Login", FormBody.UrlEncoded(credentials));
        var foreignToken = await person.Client.PostAsync("/Account/Login", FormBody.UrlEncoded([.. credentials, new(HtmlForms.TokenName, stranger.Token)]));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignToken.StatusCode);
        Assert.Equal(Seen.SignIn, Answer.Of(await person.Client.GetAsync("/")).Seen);
        Assert.Equal(signIns, await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInSucceeded)));

        var withToken = await person.Client.PostAsync("/Account/Login", FormBody.UrlEncoded([.. credentials, new(HtmlForms.TokenName, person.Token)]));
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_complete_finding_without_a_token_records_nothing()
    {
        var world = await SecurityWorld.ArrangeAsync(app);
        var pcp = await Visitors.ArriveAsync(app, Role.Pcp);
        var url = await world.UrlAsync("/Members/{memberId}/Findings/New", Role.Pcp, Ownership.Own);
        var shown = await PageForms.ShownAsync(pcp.Client, url, null);
        Assert.NotNull(shown);
        List<FormPart> finding =
        [
            .. shown.HiddenParts,
            new("Input.Category", "Depression"), new("Input.Phq9", "12"), new("Input.Phq9Item9", "0"), new("Input.NextStep", "Routine"),
            new("Input.Note", "Complete finding posted without a token"),
        ];
        var events = await app.WithDatabase(db => db.CoordinationEvents.CountAsync());

        Assert.Equal(HttpStatusCode.BadRequest, (await pcp.Client.PostAsync(url, FormBody.UrlEncoded(finding))).StatusCode);
        Assert.Equal(events, await app.WithDatabase(db => db.CoordinationEvents.CountAsync()));

        var recorded = await pcp.Client.PostAsync(url, FormBody.UrlEncoded([.. finding, new(HtmlForms.TokenName, shown.Form.Token!)]));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(events + 1, await app.WithDatabase(db => db.CoordinationEvents.CountAsync()));
    }

    [Fact]
    public async Task Locking_an_account_without_a_token_leaves_it_open()
    {
        var target = await Visitors.CreateUserAsync(app, "lock.target@demo.test", Identity.CareRoles.CareManager);
        var admin = await Visitors.AdministratorAsync(app, "admin.antiforgery@demo.test");
        var url = $"/Admin/Users/{target}/Edit?handler=Lock";
        var shown = await PageForms.ShownAsync(admin.Client, url, "Lock");
        Assert.NotNull(shown);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Client.PostAsync(url, FormBody.UrlEncoded(shown.HiddenParts))).StatusCode);
        Assert.Null(await LockedUntil(target));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync(url, FormBody.UrlEncoded([.. shown.HiddenParts, new(HtmlForms.TokenName, shown.Form.Token!)]))).StatusCode);
        Assert.NotNull(await LockedUntil(target));
    }

    private async Task<string?> LockedUntil(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Identity.CareUser>>();
        var end = (await users.FindByIdAsync(userId))!.LockoutEnd;
        return end > DateTimeOffset.UtcNow ? end.Value.ToString("O", CultureInfo.InvariantCulture) : null;
    }
}
