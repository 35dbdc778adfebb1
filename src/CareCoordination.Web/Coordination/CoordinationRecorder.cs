using System.Globalization;
using System.Text;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Coordination;

/// <summary>
/// What a clinician recorded, in the words of the timeline and as facts for the rules. One entry may carry several facts
/// (a finding and the referral made with it): each is evaluated, and the event carries every flag raised.
/// </summary>
public sealed record CoordinationEntry(int MemberId, CoordinationEventKind Kind, string Summary, IReadOnlyList<ClinicalEvent> Facts, bool SharingDiscussedWithMember, string? Note = null);

public sealed record RecordedCoordination(CoordinationEvent Event, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyList<CoordinationTask> Tasks, InboxMessage? Message);

/// <summary>
/// The one way clinical events enter the system: run the rules, then save the event, its flags, a task per flag, the
/// message to the PCP's inbox when the PCP is a recipient, and the audit entry, in the request's single transaction. What a
/// clinician of a 42 CFR Part 2 program records is marked as Part 2 information, from the provider as it is now.
/// </summary>
public sealed class CoordinationRecorder(CareDbContext db, CoordinationRules rules, PlanClock clock, AuditTrail audit, Part2Reach part2)
{
    /// <param name="occurredAt">When it happened, if not now (the demo dates its history).</param>
    public async Task<RecordedCoordination> RecordAsync(CoordinationEntry entry, string userId, int? providerId, CancellationToken cancellationToken, DateTime? occurredAt = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = occurredAt ?? clock.UtcNow;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, clock.PlanZone));
        var outcomes = entry.Facts.SelectMany(facts => rules.Evaluate(facts, today)).ToList();
        var fromPart2Program = providerId is not null
            && await db.Providers.AsNoTracking().AnyAsync(p => p.Id == providerId && p.IsPart2Program, cancellationToken);
        var recorded = new CoordinationEvent
        {
            MemberId = entry.MemberId,
            Kind = entry.Kind,
            OccurredAt = at,
            RecordedByUserId = userId,
            ProviderId = providerId,
            Summary = entry.Summary,
            Note = entry.Note,
            SharingDiscussedWithMember = entry.SharingDiscussedWithMember,
            IsPart2Information = fromPart2Program,
            Flags = [.. outcomes.Select(outcome => CoordinationFlag.From(outcome, entry.MemberId, at))],
        };
        db.CoordinationEvents.Add(recorded);
        var tasks = CoordinationTask.OpenFor(recorded, at).ToList();
        db.CoordinationTasks.AddRange(tasks);

        var sent = outcomes.Any(o => o.Recipients.Contains(Recipient.Pcp))
            ? await MessageToPcpAsync(entry, recorded, outcomes, userId, providerId, at, cancellationToken)
            : null;
        var message = sent?.Message;
        if (message is not null)
        {
            db.InboxMessages.Add(message);
            recorded.Flags.ForEach(flag => flag.MessageSent(at));
        }

        if (sent is { Withheld: true })
        {
            // Coordination still happens; a care manager asks the member for the consent that would let the details go.
            var dueOn = BusinessCalendar.AddBusinessDays(today, rules.Settings.ServiceLevels.RoutineBusinessDays, rules.Settings.ServiceLevels.Holidays);
            var consentTask = CoordinationTask.Open(entry.MemberId, recorded, CoordinationTrigger.Part2ConsentNeeded, Priority.Routine, dueOn, at);
            db.CoordinationTasks.Add(consentTask);
            tasks.Add(consentTask);
        }

        audit.Add(AuditAction.CoordinationRecorded, AuditOutcome.Success, entry.MemberId, userId);
        await db.SaveChangesAsync(cancellationToken);
        return new RecordedCoordination(recorded, outcomes, tasks, message);
    }

    /// <summary>
    /// Exactly what the PCP receives: routine coordination information, never psychotherapy notes. Part 2 information is
    /// decided now, for this PCP: under a covering consent it goes with the 2.32 notice; without one the message still goes,
    /// with the program, the summary and the reasons (which name diagnoses and medications) replaced by a neutral line.
    /// The stored body is the record of what was disclosed.
    /// </summary>
    private async Task<SentMessage?> MessageToPcpAsync(CoordinationEntry entry, CoordinationEvent recorded, IReadOnlyList<RuleOutcome> outcomes,
        string userId, int? providerId, DateTime at, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == entry.MemberId)
            .Select(m => new { m.GivenName, m.FamilyName, m.DateOfBirth, m.PlanMemberId, m.PcpId })
            .SingleAsync(cancellationToken);
        if (member.PcpId is not { } pcpId)
        {
            return null;
        }

        var share = recorded.IsPart2Information
            ? (await part2.ForMemberAsync(entry.MemberId, await part2.ProviderAsync(pcpId, cancellationToken), cancellationToken)).Of(true, providerId)
            : Part2Share.Unrestricted;
        if (!share.Shown)
        {
            return new SentMessage(WithheldMessage(entry, recorded, outcomes, pcpId, member.GivenName, member.FamilyName, member.DateOfBirth, member.PlanMemberId, userId, at), Withheld: true);
        }

        var sender = providerId is null ? null : await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => new { p.GivenName, p.FamilyName, p.Credentials, p.Phone, p.SecureEmail })
            .SingleOrDefaultAsync(cancellationToken);

        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"About: {member.GivenName} {member.FamilyName}, born {member.DateOfBirth:yyyy-MM-dd}, member ID {member.PlanMemberId}");
        if (sender is not null)
        {
            var credentials = sender.Credentials is null ? "" : ", " + sender.Credentials;
            var phone = sender.Phone is null ? "" : ", phone " + sender.Phone;
            var email = sender.SecureEmail is null ? "" : ", secure email " + sender.SecureEmail;
            body.AppendLine(CultureInfo.InvariantCulture, $"From: {sender.GivenName} {sender.FamilyName}{credentials}{phone}{email}");
        }

        body.AppendLine(CultureInfo.InvariantCulture, $"What happened: {entry.Summary}");
        foreach (var outcome in outcomes.Where(o => o.Recipients.Contains(Recipient.Pcp)))
        {
            var ask = outcome.RequestsMedicalEvaluation ? " Please arrange a medical evaluation." : "";
            body.AppendLine(CultureInfo.InvariantCulture, $"{outcome.RuleId} {outcome.Trigger.Label()}: {outcome.Reason}{ask}");
        }

        body.AppendLine(entry.SharingDiscussedWithMember ? "Sharing was discussed with the member." : "Sharing was not recorded as discussed with the member.");
        if (share.UnderConsent)
        {
            body.AppendLine("Part 2 information, disclosed under the member's written consent (42 CFR 2.31); no psychotherapy notes are included.");
            body.Append(share.Notice);
        }
        else
        {
            body.Append("Routine coordination information for treatment (45 CFR 164.506(c)); no psychotherapy notes are included.");
        }

        return new SentMessage(new InboxMessage
        {
            MemberId = entry.MemberId,
            RecipientProviderId = pcpId,
            Event = recorded,
            Subject = entry.Summary.Length <= 200 ? entry.Summary : entry.Summary[..197] + "...",
            Body = body.ToString(),
            SentAt = at,
            SentByUserId = userId,
        }, Withheld: false);
    }

    /// <summary>
    /// The message when no consent covers the PCP: who it is about and which coordination is encouraged, nothing that says
    /// what the program recorded (no summary, reasons, diagnoses, medications or note) nor who recorded it.
    /// </summary>
    private static InboxMessage WithheldMessage(CoordinationEntry entry, CoordinationEvent recorded, IReadOnlyList<RuleOutcome> outcomes, int pcpId,
        string givenName, string familyName, DateOnly dateOfBirth, string planMemberId, string userId, DateTime at)
    {
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"About: {givenName} {familyName}, born {dateOfBirth:yyyy-MM-dd}, member ID {planMemberId}");
        foreach (var outcome in outcomes.Where(o => o.Recipients.Contains(Recipient.Pcp)))
        {
            var ask = outcome.RequestsMedicalEvaluation ? " Please arrange a medical evaluation." : "";
            body.AppendLine(CultureInfo.InvariantCulture, $"{outcome.RuleId} {outcome.Trigger.Label()}: coordination of care is encouraged.{ask}");
        }

        body.AppendLine(Part2Sharing.WithheldLine);
        body.Append("A care manager is asking the member for consent; the plan's care management team can tell you more once it is on file.");
        return new InboxMessage
        {
            MemberId = entry.MemberId,
            RecipientProviderId = pcpId,
            Event = recorded,
            Subject = WithheldSubject,
            Body = body.ToString(),
            SentAt = at,
            SentByUserId = userId,
        };
    }

    public const string WithheldSubject = "Coordination of care (details withheld under 42 CFR Part 2)";

    private sealed record SentMessage(InboxMessage Message, bool Withheld);
}
