using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Events;

/// <summary>
/// What a recorded event set in motion, shown right after saving it: each rule that fired with its reason and the manual's
/// words, the tasks queued, crisis guidance when urgent, and exactly what was sent to the PCP. A Part 2 program's event shows
/// its details only where <see cref="Part2Sharing"/> lets them reach this viewer.
/// </summary>
public sealed class DetailModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock, Part2Reach part2) : PageModel
{
    public string MemberName { get; private set; } = "";

    public int MemberId { get; private set; }

    public CoordinationEvent Event { get; private set; } = null!;

    public string RecordedBy { get; private set; } = "";

    public IReadOnlyList<CoordinationTask> Tasks { get; private set; } = [];

    public InboxMessage? Message { get; private set; }

    public string? MessageRecipient { get; private set; }

    /// <summary>Whether the event's details reach this viewer, and the notice that goes with them.</summary>
    public Part2Share Share { get; private set; } = Part2Share.Unrestricted;

    /// <summary>The PCP's message is shown to a viewer the event's details reach; it may have gone under the PCP's own consent.</summary>
    public bool MessageWithheld => Message is not null && !Share.Shown;

    public TimeZoneInfo PlanZone => clock.PlanZone;

    public bool ShowCrisisGuidance => Event.Flags.Any(f => f.Trigger == CoordinationTrigger.PcpFinding && f.Priority == Priority.Urgent);

    public async Task<IActionResult> OnGetAsync(int memberId, int eventId, CancellationToken cancellationToken)
    {
        var member = await access.MembersVisibleTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.Id, Name = m.GivenName + " " + m.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        var recorded = member is null ? null : await db.CoordinationEvents.AsNoTracking().Include(e => e.Flags)
            .SingleOrDefaultAsync(e => e.Id == eventId && e.MemberId == memberId, cancellationToken);
        if (member is null || recorded is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return NotFound();
        }

        (MemberId, MemberName, Event) = (member.Id, member.Name, recorded);
        Share = recorded.IsPart2Information
            ? (await part2.ForMemberAsync(memberId, await part2.RecipientOfAsync(User, cancellationToken), cancellationToken)).Of(true, recorded.ProviderId)
            : Part2Share.Unrestricted;
        // Who at a Part 2 program recorded it would say where the member is treated: withheld with the rest.
        RecordedBy = !Share.Shown ? "a clinician (withheld under 42 CFR Part 2)"
            : await db.Users.Where(u => u.Id == recorded.RecordedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "unknown user";
        Tasks = await db.CoordinationTasks.AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.Priority).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        Message = await db.InboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.EventId == eventId, cancellationToken);
        if (Message is not null)
        {
            MessageRecipient = await db.Providers.Where(p => p.Id == Message.RecipientProviderId)
                .Select(p => p.GivenName + " " + p.FamilyName + ", " + p.Credentials).SingleOrDefaultAsync(cancellationToken);
        }

        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }
}
