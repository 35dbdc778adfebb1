using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>Reading the queue and task pages the way a person does, and acting on a task through its forms.</summary>
public static partial class QueuePages
{
    public sealed record Row(int TaskId, string MemberName, bool MarkedOverdue, string Html);

    /// <summary>The rows of the queue table, in the order shown.</summary>
    public static List<Row> Rows(string html) =>
        [.. QueueRow().Matches(html).Select(m => new Row(
            int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups["name"].Value),
            m.Groups["overdue"].Success, m.Value))];

    /// <summary>Each option of one filter: its value, whether it is chosen, and the count shown beside it.</summary>
    public static Dictionary<string, (int Count, bool Selected)> Choices(string html, string select)
    {
        var list = Regex.Match(html, $"<select id=\"{select}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(list.Success, $"The page has no '{select}' filter.");
        return ChoiceOption().Matches(list.Groups[1].Value)
            .ToDictionary(m => m.Groups["value"].Value, m => (int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture), m.Groups["selected"].Success));
    }

    /// <summary>The number on one of the summary chips ("open", "overdue", "unassigned", "assigned to you").</summary>
    public static int Glance(string html, string label)
    {
        var match = Regex.Match(html, $"<span class=\"stat-value\">(\\d+)</span><span class=\"stat-label\">{Regex.Escape(label)}</span>");
        Assert.True(match.Success, $"No '{label}' chip.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The page's text as read: inline tags vanish, block tags break words, whitespace runs collapse.</summary>
    public static string Said(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(InlineTags().Replace(html, ""), " ")), " ");

    public static string? Link(string html, string text)
    {
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}</a>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>Posts one of the task page's forms as rendered now (antiforgery token, submission id, version), with the fields given.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, int taskId, string handler, Dictionary<string, string>? fields = null)
    {
        var url = $"/Queue/{taskId}";
        var page = await client.GetStringAsync(url);
        fields ??= [];
        fields.TryAdd("SubmissionId", Browsing.HiddenValue(page, "SubmissionId")!);
        fields.TryAdd("Version", Browsing.HiddenValue(page, "Version")!);
        return await client.PostFormAsync($"{url}?handler={handler}", page, fields);
    }

    /// <summary>Asserts the post-redirect-get back to the task and returns what the person then sees.</summary>
    public static async Task<string> FollowedAsync(this HttpClient client, HttpResponseMessage response, int taskId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Queue/{taskId}", response.Headers.Location!.ToString());
        return Browsing.Text(await client.GetStringAsync(response.Headers.Location));
    }

    public static Task<string> UserIdOf(CareAppFactory app, string email) =>
        app.WithDatabase(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static DateOnly Today(CareAppFactory app) => app.Services.GetRequiredService<PlanClock>().Today;

    /// <summary>Another care manager account, made the way an administrator makes one.</summary>
    public static async Task<string> AddCareManagerAsync(CareAppFactory app, string email, string displayName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = new CareUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, Infrastructure.Demo.DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, CareRoles.CareManager)).Succeeded);
        return user.Id;
    }

    /// <summary>A fresh open, unassigned task for a demo member, so a test owns the task it changes.</summary>
    public static Task<int> OpenTaskAsync(CareAppFactory app, int memberIndex = 0, Priority priority = Priority.High, int dueInDays = 2) =>
        app.WithDatabase(async db =>
        {
            var memberId = await db.Members.OrderBy(m => m.Id).Skip(memberIndex).Select(m => m.Id).FirstAsync();
            var clock = app.Services.GetRequiredService<PlanClock>();
            var task = CoordinationTask.Open(memberId, cause: null, CoordinationTrigger.MedicalToBhReferral, priority, clock.Today.AddDays(dueInDays), clock.UtcNow);
            db.CoordinationTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });

    public static Task<CoordinationTask> TaskAsync(CareAppFactory app, int taskId) =>
        app.WithDatabase(db => db.CoordinationTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

    [GeneratedRegex("</?(code|span|strong|time|a|em)\\b[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<tr(?<overdue> class=\"overdue\")?>\\s*<td><a href=\"/Queue/(?<id>\\d+)\">(?<name>[^<]+)</a>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex QueueRow();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"(?<selected> selected=\"selected\")?>[^<]*\\((?<count>\\d+)\\)</option>")]
    private static partial Regex ChoiceOption();
}
