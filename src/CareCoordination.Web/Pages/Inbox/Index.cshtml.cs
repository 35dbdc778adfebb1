using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Inbox;

/// <summary>
/// The PCP's coordination messages from BH practitioners. Acknowledging one closes the loop: the event's tasks that
/// were waiting on the PCP are completed.
/// </summary>
public sealed class IndexModel(CareDbContext db, AuditTrail audit, PlanClock clock) : PageModel
{
    private const int AcknowledgedShown = 20;

    public IReadOnlyList<MessageView> Waiting { get; private set; } = [];

    public IReadOnlyList<MessageView> Acknowledged { get; private set; } = [];

    public TimeZoneInfo PlanZone => clock.PlanZone;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.ProviderIdOf() is not { } pcpId)
        {
            return Forbid();
        }

        var mine = db.InboxMessages.AsNoTracking().Where(m => m.RecipientProviderId == pcpId);
        Waiting = await Project(mine.Where(m => m.AcknowledgedAt == null).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id), cancellationToken);
        Acknowledged = await Project(mine.Where(m => m.AcknowledgedAt != null).OrderByDescending(m => m.AcknowledgedAt).ThenByDescending(m => m.Id)
            .Take(AcknowledgedShown), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int messageId, CancellationToken cancellationToken)
    {
        var message = User.ProviderIdOf() is { } pcpId
            ? await db.InboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.RecipientProviderId == pcpId, cancellationToken)
            : null;
        if (message is null)
        {
            // Someone else's message, or none: refused like a member route, and recorded the same way.
            await audit.RecordAsync(AuditAction.AccessDenied, AuditOutcome.Denied, cancellationToken: cancellationToken);
            return NotFound();
        }

        var userId = User.UserId();
        var now = clock.UtcNow;
        var change = message.Acknowledge(userId, now);
        if (!change.Done)
        {
            Notice = change.Refusal;
            return RedirectToPage();
        }

        // The event's flags record how far its coordination got; they change in the same save as the message.
        var flags = await db.CoordinationFlags.Where(f => f.EventId == message.EventId).ToListAsync(cancellationToken);
        flags.ForEach(flag => flag.MessageAcknowledged(now));
        var waitingOnPcp = await db.CoordinationTasks
            .Where(t => t.EventId == message.EventId && t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled)
            .ToListAsync(cancellationToken);
        foreach (var task in waitingOnPcp.Where(t => Recipients.For(t.Trigger).Contains(Recipient.Pcp)))
        {
            task.CloseOnAcknowledgement("The PCP acknowledged the coordination message.", now);
            db.TaskActivities.Add(new TaskActivity { TaskId = task.Id, At = now, UserId = userId, Kind = TaskActivityKind.Acknowledged, Note = "Closed by the PCP's acknowledgement." });
        }

        audit.Add(AuditAction.InboxMessageAcknowledged, AuditOutcome.Success, message.MemberId);
        await db.SaveChangesAsync(cancellationToken);
        Notice = waitingOnPcp.Count == 0 ? "Acknowledged." : "Acknowledged. The coordination task is complete.";
        return RedirectToPage();
    }

    private Task<List<MessageView>> Project(IQueryable<InboxMessage> messages, CancellationToken cancellationToken) => messages
        .Select(m => new MessageView(
            m.Id,
            m.MemberId,
            db.Members.Where(x => x.Id == m.MemberId).Select(x => x.GivenName + " " + x.FamilyName).First(),
            m.Subject,
            m.Body,
            m.SentAt,
            db.Users.Where(u => u.Id == m.SentByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            m.AcknowledgedAt,
            m.Event.Flags.Select(f => f.Trigger).ToList()))
        .ToListAsync(cancellationToken);

    public sealed record MessageView(int Id, int MemberId, string MemberName, string Subject, string Body, DateTime SentAt, string From,
        DateTime? AcknowledgedAt, IReadOnlyList<CoordinationTrigger> Triggers);
}
