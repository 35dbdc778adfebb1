using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// Every handler the app serves (read from its routing, not from a list), asked by every role (anonymous, the four demo
/// roles, and a care manager whose account was locked while their session was open) for a record they may see, one they
/// may not, and their own member with another member's id; each answer compared with <see cref="AuthorizationExpectations"/>.
/// </summary>
public class AuthorizationMatrix(CareAppFactory app, ITestOutputHelper output) : IClassFixture<CareAppFactory>
{
    private sealed record Cell(AppHandler Handler, Role Role, Ownership Ownership, string Url, Expected Expected, Answer Answer)
    {
        public bool Passed => Expected.Accepts(Answer);
    }

    [Fact]
    public async Task Every_handler_has_a_line_in_the_table_and_every_line_a_handler()
    {
        var table = AuthorizationTable.Parse(AuthorizationExpectations.Table);
        var handlers = await AppHandlers.AllAsync(app);

        var missing = handlers.Where(h => !table.ContainsKey(h.Key)).Select(h => h.Key).ToList();
        var stale = table.Keys.Except(handlers.Select(h => h.Key)).ToList();
        Assert.True(missing.Count == 0, $"Handlers without a line in AuthorizationExpectations.Table (add one, with who may use them): {string.Join("; ", missing)}");
        Assert.True(stale.Count == 0, $"Lines for handlers the app no longer has: {string.Join("; ", stale)}");
    }

    [Fact]
    public async Task Every_handler_answers_every_role_as_the_table_says()
    {
        var clock = Stopwatch.StartNew();
        var table = AuthorizationTable.Parse(AuthorizationExpectations.Table);
        var handlers = await AppHandlers.AllAsync(app);
        var world = await SecurityWorld.ArrangeAsync(app);
        var visitors = await Visitors.AllAsync(app);
        var cells = new List<Cell>();
        var requests = 0;

        foreach (var handler in handlers.Where(h => table.ContainsKey(h.Key)).OrderBy(h => h.SessionEndingOrder))
        {
            var line = table[handler.Key];
            foreach (var role in Visitors.All)
            {
                foreach (var ownership in SecurityWorld.OwnershipsOf(line.Target))
                {
                    var url = await world.UrlAsync(line.Target, role, ownership, handler.Name);
                    var (answer, sent) = await AskAsync(visitors[role], handler, url);
                    requests += sent;
                    cells.Add(new Cell(handler, role, ownership, url, line.For(role, ownership), answer));
                }
            }
        }

        var failures = cells.Where(c => !c.Passed).ToList();
        var handlerCount = cells.Select(c => c.Handler.Key).Distinct().Count();
        output.WriteLine($"Authorization matrix: {handlerCount} handlers × {Visitors.All.Count} roles × own/other/foreign where the route names a record = {cells.Count} cells; {requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; {failures.Count} not as expected.");
        output.WriteLine(Summary(cells));
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} answers differ from the table:\n" + string.Join("\n", failures
            .OrderBy(f => f.Role).ThenBy(f => f.Handler.Key, StringComparer.Ordinal)
            .Select(f => $"  {f.Role,-11} {f.Ownership,-7} {f.Handler.Method} {f.Url}: expected {f.Expected}, got {f.Answer}")));
    }

    [Fact]
    public async Task A_session_open_when_failed_sign_ins_lock_the_account_ends()
    {
        // Five wrong passwords typed elsewhere lock the account. The session opened before must end as well: whoever
        // holds it may be the person guessing.
        var locked = await Visitors.LockedOutDuringSessionAsync(app, "locked.focus@demo.test");

        var answer = Answer.Of(await locked.Client.GetAsync("/Members"));

        Assert.True(answer.Seen == Seen.SignIn, $"A session of an account locked by failed sign-ins still answered {answer} for /Members.");
    }

    [Fact]
    public async Task A_session_open_when_an_administrator_locks_the_account_ends()
    {
        await Visitors.CreateUserAsync(app, "locked.by.admin@demo.test", Identity.CareRoles.CareManager);
        var person = Visitors.Browser(app, Role.Locked);
        Assert.Equal(HttpStatusCode.Redirect, (await person.Client.SignInAsync("locked.by.admin@demo.test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/Members")).StatusCode);
        person.Cookies.Freeze();

        var admin = (await Visitors.AdministratorAsync(app, "admin.locking@demo.test")).Client;
        var id = await app.WithDatabase(db => Task.FromResult(db.Users.Single(u => u.Email == "locked.by.admin@demo.test").Id));
        var page = await admin.GetStringAsync($"/Admin/Users/{id}/Edit");
        var lockForm = HtmlForms.Parse(page).Single(f => f.ActionFor("", $"/Admin/Users/{id}/Edit", "Lock") is not null);
        var locking = await admin.PostFormAsync($"/Admin/Users/{id}/Edit?handler=Lock", page,
            new() { ["SubmissionId"] = lockForm.Fields.Single(f => f.Name == "SubmissionId").Values[0] });
        Assert.Equal(HttpStatusCode.Redirect, locking.StatusCode);

        Assert.Equal(Seen.SignIn, Answer.Of(await person.Client.GetAsync("/Members")).Seen);
    }

    /// <summary>One cell: a GET, or a POST with a valid token and the form's hidden fields (after GETting its page when it shows).</summary>
    private static async Task<(Answer Answer, int Requests)> AskAsync(Visitor visitor, AppHandler handler, string url)
    {
        if (!handler.IsPost)
        {
            using var got = await visitor.Client.GetAsync(url);
            return (Answer.Of(got), 1);
        }

        if (!handler.IsPage)
        {
            using var json = new StringContent("{}", Encoding.UTF8, "application/json");
            using var called = await visitor.Client.PostAsync(url, json);
            return (Answer.Of(called), 1);
        }

        var shown = await PageForms.ShownAsync(visitor.Client, url, handler.Name);
        var parts = shown?.HiddenParts.ToList() ?? [new FormPart("SubmissionId", Guid.NewGuid().ToString())];
        parts.Add(new FormPart(HtmlForms.TokenName, shown?.Form.Token ?? visitor.Token));
        using var posted = await visitor.Client.PostAsync(url, FormBody.UrlEncoded(parts));
        return (Answer.Of(posted), 2);
    }

    /// <summary>The matrix as a Markdown table: expected own|other per role, with the answer seen where it differs.</summary>
    private static string Summary(List<Cell> cells)
    {
        var text = new StringBuilder();
        text.Append("| Handler | ").AppendJoin(" | ", Visitors.All.Select(r => r.ToString())).Append(" |\n|---|")
            .Append(string.Concat(Enumerable.Repeat("---|", Visitors.All.Count))).Append('\n');
        foreach (var handler in cells.GroupBy(c => c.Handler.Key))
        {
            text.Append("| `").Append(handler.Key).Append("` |");
            foreach (var role in Visitors.All)
            {
                var mine = handler.Where(c => c.Role == role).ToList();
                var expected = string.Join("|", mine.Select(c => c.Expected.Word).Distinct());
                var wrong = mine.Where(c => !c.Passed).Select(c => $"{c.Ownership.ToString().ToLower(CultureInfo.InvariantCulture)} got {c.Answer}").ToList();
                text.Append(' ').Append(expected).Append(wrong.Count == 0 ? "" : " ✗ " + string.Join(", ", wrong)).Append(" |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
