using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace CareCoordination.Web.Tests.Security;

/// <summary>
/// Every form the app serves (each POST handler, found from its routing; its fields read from the rendered HTML), fed
/// hostile values field by field: overlong, NUL and control characters, right-to-left and zero-width characters, invalid
/// UTF-8, SQL, script and markup, CRLF, bad dates and numbers, unknown choices, the same field twice, hostile files, and
/// no antiforgery token. See <see cref="FormAttack"/> for what each answer must be.
/// </summary>
public class HostileInput(CareAppFactory app, ITestOutputHelper output) : IClassFixture<CareAppFactory>
{
    /// <summary>POST handlers without fields to attack: signing out (a bare button) and the error pages (no form at all).</summary>
    private static readonly HashSet<string> WithoutFields = ["POST /Account/Logout", "POST /Error", "POST /StatusCode/{code}"];

    [Fact]
    public async Task Every_form_refuses_hostile_input_without_failing_echoing_or_saving_it()
    {
        var clock = Stopwatch.StartNew();
        var table = AuthorizationTable.Parse(AuthorizationExpectations.Table);
        var posts = (await AppHandlers.AllAsync(app)).Where(h => h.IsPost && h.IsPage && !WithoutFields.Contains(h.Key)).OrderBy(h => h.SessionEndingOrder).ToList();
        var unknown = posts.Where(h => !table.ContainsKey(h.Key)).Select(h => h.Key).ToList();
        Assert.True(unknown.Count == 0, $"POST handlers without a line in AuthorizationExpectations.Table (it says who may post them): {string.Join("; ", unknown)}");
        var world = await SecurityWorld.ArrangeAsync(app);
        var visitors = await Visitors.AllAsync(app);
        using var watch = new DatabaseWatch(app.DatabasePath);
        var report = new HostileReport();

        foreach (var handler in posts)
        {
            var started = clock.Elapsed;
            try
            {
                await new FormAttack(app, world, visitors, watch, report, handler, table[handler.Key]).RunAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // One form's arrangement failing must not hide what the others found.
                report.Fail(handler.Key, "(arrangement)", $"the suite could not continue: {exception.GetType().Name}: {exception.Message}", "-");
            }

            report.Took(handler.Key, clock.Elapsed - started);
        }

        output.WriteLine(report.Summary(clock.Elapsed));
        Assert.True(report.FailureCount == 0, report.Failures());
    }

    [Fact]
    public async Task A_submission_id_one_person_used_does_not_send_another_person_to_their_result()
    {
        var world = await SecurityWorld.ArrangeAsync(app);
        var pcp = await Visitors.ArriveAsync(app, Role.Pcp);
        var findingUrl = await world.UrlAsync("/Members/{memberId}/Findings/New", Role.Pcp, Ownership.Own);
        var finding = await PageForms.ShownAsync(pcp.Client, findingUrl, null);
        Assert.NotNull(finding);
        var recorded = await pcp.Client.PostAsync(findingUrl, FormBody.UrlEncoded(
        [
            .. finding.HiddenParts, new("Input.Category", "Anxiety"), new("Input.NextStep", "Routine"), new(HtmlForms.TokenName, finding.Form.Token!),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var pcpResult = recorded.Headers.Location!.OriginalString;
        var pcpSubmission = finding.HiddenParts.Single(p => p.Name == "SubmissionId").Value;

        var bh = await Visitors.ArriveAsync(app, Role.Bh);
        var intakeUrl = await world.UrlAsync("/Members/{memberId}/Assessments/Intake", Role.Bh, Ownership.Own);
        var intake = await PageForms.ShownAsync(bh.Client, intakeUrl, null);
        Assert.NotNull(intake);
        var replayed = await bh.Client.PostAsync(intakeUrl, FormBody.UrlEncoded([new("SubmissionId", pcpSubmission), new(HtmlForms.TokenName, intake.Form.Token!)]));

        Assert.True(replayed.Headers.Location?.OriginalString != pcpResult,
            $"The BH clinician's intake, posted with the PCP's submission id, was sent to the PCP's result {pcpResult}.");
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("http:evil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.example")]
    [InlineData("/Members\r\nX-Injected: 1")]
    public async Task Signing_in_never_sends_the_person_off_the_site(string returnUrl)
    {
        var person = await Visitors.ArriveAsync(app, Role.Anonymous);

        var response = await person.Client.PostAsync("/Account/Login", FormBody.UrlEncoded(
        [
            new("Input.Email", Browsing.CareManager), new("Input.Password", Infrastructure.Demo.DemoData.Password), new("ReturnUrl", returnUrl),
            new(HtmlForms.TokenName, person.Token),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)
            && location.IndexOfAny(['\r', '\n', '\t']) < 0, $"Signing in with ReturnUrl '{returnUrl}' redirected to '{location}'.");
        Assert.False(response.Headers.Contains("X-Injected"));
    }
}
