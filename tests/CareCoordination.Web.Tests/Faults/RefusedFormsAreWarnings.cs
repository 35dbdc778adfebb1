using System.Globalization;
using System.Net;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Tests.Queue;
using Serilog.Events;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>A form posted without its submission id is the sender's fault: answered 400, and logged once as a warning, not as an error.</summary>
public class RefusedFormsAreWarnings(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task A_form_without_its_submission_id_is_answered_400_and_logged_once_as_a_warning_without_a_stack_trace()
    {
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 12);
        var client = await app.SignedInAs(Browsing.CareManager);
        var page = await client.GetStringAsync($"/Queue/{taskId}");
        var before = app.Logs.Events.Count;

        var refused = await client.PostFormAsync($"/Queue/{taskId}?handler=Claim", page, []);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The form could not be read", Browsing.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var task = await QueuePages.TaskAsync(app, taskId);
        Assert.Equal((CoordinationTaskStatus.Open, null), (task.Status, task.AssigneeUserId));

        var logged = app.Logs.Events.Skip(before).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(logged, e => e.Exception is not null);
        var warning = Assert.Single(logged, e => e.Level == LogEventLevel.Warning);
        Assert.StartsWith("Request refused with 400:", warning.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("missing its submission id", warning.RenderMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // The request log still records the request (and the status page it re-executes), at its usual level and with its 400.
        var requests = logged.Where(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, request => Assert.Equal((LogEventLevel.Information, "400"), (request.Level, request.Properties["StatusCode"].ToString())));
    }
}
