using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Queue;

/// <summary>
/// One coordination task and what a care manager does with it: the task, the event and flags that raised it, the
/// member's coordination timeline and releases, and the actions (in Detail.Actions.cs), each posted back here.
/// </summary>
public sealed partial class DetailModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    PlanClock clock,
    SubmissionGuard submissions,
    Part2Reach part2,
    IValidator<DetailModel.ReassignmentInput> reassignmentRules,
    IValidator<DetailModel.ContactAttemptInput> contactAttemptRules,
    IValidator<DetailModel.CompletionInput> completionRules,
    IValidator<DetailModel.CancellationInput> cancellationRules,
    IValidator<DetailModel.ReopeningInput> reopeningRules) : PageModel
{
    public const int TimelineLength = 50;

    /// <summary>The task's version the forms were rendered with; a change posted with an older one is a conflict.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public TaskView Item { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public CoordinationEvent? Event { get; private set; }

    public string? EventRecordedBy { get; private set; }

    /// <summary>Whether this task's event reaches plan staff: a Part 2 program's only under the member's TPO consent (42 CFR 2.33(b)).</summary>
    public Part2Share EventShare { get; private set; } = Part2Share.Unrestricted;

    /// <summary>The 2.32 notices of the Part 2 information shown on this page under the member's consent.</summary>
    public IReadOnlyList<string> Part2Notices { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<ReleaseRow> Releases { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> CareManagers { get; private set; } = [];

    /// <summary>Why the last action was not done, in words the care manager can act on.</summary>
    public string? Refusal { get; private set; }

    public EditConflict? Conflict { get; private set; }

    /// <summary>The most recent thing done to the task, for a conflict: what the other person did.</summary>
    public TimelineEntry? LatestActivity => Timeline.FirstOrDefault(entry => entry.IsTaskActivity);

    /// <summary>An urgent PCP finding means possible suicidal ideation: the same crisis guidance the clinician saw.</summary>
    public bool ShowCrisisGuidance => Item.Trigger == CoordinationTrigger.PcpFinding && Item.Priority == Priority.Urgent && !IsClosed;

    public bool IsOverdue => CoordinationTask.IsOverdue(Item.Status, Item.DueOn, Today);

    public bool CanClaim => Item.Status == CoordinationTaskStatus.Open && Item.AssigneeUserId is null;

    public bool IsWorked => Item.Status is CoordinationTaskStatus.InProgress or CoordinationTaskStatus.WaitingOnProvider;

    public bool IsClosed => CoordinationTask.IsClosedStatus(Item.Status);

    public async Task<IActionResult> OnGetAsync(int taskId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(taskId, cancellationToken))
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, cancellationToken: cancellationToken);
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        Version = Item.Version;
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, Item.MemberId, cancellationToken: cancellationToken);
        return Page();
    }

    private IQueryable<CoordinationTask> VisibleTasks()
    {
        var visible = access.MembersVisibleTo(User).Select(m => m.Id);
        return db.CoordinationTasks.Where(t => visible.Contains(t.MemberId));
    }

    /// <summary>Everything the page shows; false when there is no such task the user may see.</summary>
    private async Task<bool> LoadAsync(int taskId, CancellationToken cancellationToken)
    {
        Today = clock.Today;
        var task = await VisibleTasks().AsNoTracking().Where(t => t.Id == taskId)
            .Select(t => new TaskView(t.Id, t.MemberId, t.Member.GivenName + " " + t.Member.FamilyName, t.Member.Ppg.Name, t.EventId,
                t.Trigger, t.Priority, t.DueOn, t.Status, t.AssigneeUserId,
                db.Users.Where(u => u.Id == t.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                t.Outcome, t.CreatedAt, t.ClosedAt, t.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (task is null)
        {
            return false;
        }

        Item = task;
        var sharing = await part2.ForMemberAsync(task.MemberId, await part2.RecipientOfAsync(User, cancellationToken), cancellationToken);
        if (task.EventId is { } eventId)
        {
            Event = await db.CoordinationEvents.AsNoTracking().Include(e => e.Flags).SingleAsync(e => e.Id == eventId, cancellationToken);
            EventShare = sharing.Of(Event.IsPart2Information, Event.ProviderId);
            EventRecordedBy = EventShare.Shown
                ? await db.Users.Where(u => u.Id == Event.RecordedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
                : "a clinician (withheld under 42 CFR Part 2)";
        }

        Timeline = await TimelineAsync(task, sharing, cancellationToken);
        Releases = await ReleasesAsync(task.MemberId, cancellationToken);
        var careManagerRole = db.Roles.Where(r => r.Name == CareRoles.CareManager).Select(r => r.Id);
        CareManagers = [.. (await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && careManagerRole.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName))];
        return true;
    }

    /// <summary>The member's events (newest first, with their flags) woven together with this task's activities.</summary>
    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(TaskView task, Part2Sharing sharing, CancellationToken cancellationToken)
    {
        var events = await db.CoordinationEvents.AsNoTracking().Where(e => e.MemberId == task.MemberId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(TimelineLength)
            .Select(e => new
            {
                e.Id,
                e.OccurredAt,
                e.Kind,
                e.Summary,
                e.Flags,
                e.IsPart2Information,
                e.ProviderId,
                By = db.Users.Where(u => u.Id == e.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var activities = await db.TaskActivities.AsNoTracking().Where(a => a.TaskId == task.Id)
            .Select(a => new
            {
                Activity = a,
                By = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var shares = events.Select(e => sharing.Of(e.IsPart2Information, e.ProviderId)).ToList();
        Part2Notices = Part2Sharing.NoticesOf(shares);
        return
        [
            .. events.Select((e, i) => shares[i].Shown
                    ? new TimelineEntry(e.OccurredAt, e.Kind.ToString(), e.Summary, e.By, e.Flags, IsTaskActivity: false, e.Id == task.EventId)
                    : new TimelineEntry(e.OccurredAt, e.Kind.ToString(), Part2Sharing.WithheldLine, null, [], IsTaskActivity: false, e.Id == task.EventId))
                .Concat(activities.Select(a => new TimelineEntry(a.Activity.At, Describe(a.Activity), a.Activity.Note, a.By, [], IsTaskActivity: true, IsThisTasksEvent: false)))
                .OrderByDescending(entry => entry.At),
        ];
    }

    private static string Describe(TaskActivity activity) => activity is { Kind: TaskActivityKind.ContactAttempt, ContactMethod: { } method, ContactOutcome: { } outcome }
        ? $"{activity.Kind.Label()}, {method.Label().ToLower(CultureInfo.CurrentCulture)}: {outcome.Label().ToLower(CultureInfo.CurrentCulture)}"
        : activity.Kind.Label();

    private async Task<IReadOnlyList<ReleaseRow>> ReleasesAsync(int memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Releases.AsNoTracking().Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.SignedOn).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                Release = r,
                Recipient = r.RecipientProviderId != null
                    ? db.Providers.Where(p => p.Id == r.RecipientProviderId).Select(p => p.GivenName + " " + p.FamilyName + ", " + p.Credentials).FirstOrDefault()
                    : db.Ppgs.Where(g => g.Id == r.RecipientPpgId).Select(g => g.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReleaseRow(r.Release, r.Recipient ?? "unknown recipient", r.Release.StatusOn(Today)))];
    }

    public static string ShortVersion(Guid version) => version.ToString("N", CultureInfo.InvariantCulture)[..8];

    public sealed record TaskView(int Id, int MemberId, string MemberName, string Ppg, int? EventId, CoordinationTrigger Trigger, Priority Priority,
        DateOnly DueOn, CoordinationTaskStatus Status, string? AssigneeUserId, string? Assignee, string? Outcome, DateTime CreatedAt, DateTime? ClosedAt, Guid Version);

    public sealed record TimelineEntry(DateTime At, string Heading, string? Text, string? By, IReadOnlyList<CoordinationFlag> Flags, bool IsTaskActivity, bool IsThisTasksEvent);

    public sealed record ReleaseRow(Release Release, string Recipient, ReleaseStatus Status);

    /// <summary>What the person tried, from which version, and what the task is now.</summary>
    public sealed record EditConflict(string Attempted, Guid TriedVersion, Guid CurrentVersion);
}
