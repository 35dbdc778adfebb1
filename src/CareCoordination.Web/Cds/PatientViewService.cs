using System.Text;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace CareCoordination.Web.Cds;

/// <summary>
/// <c>patient-view</c>: when a clinician opens a chart, the member's open coordination tasks and the status of their
/// releases of information. The patient is matched to a member by the identifier whose system is
/// <see cref="CdsOptions.MemberIdentifierSystem"/>; a patient who is not a member gets no cards. Reading a member's
/// record is audited. Cards carry rule ids, dates and reasons; never the member's name or ids.
/// </summary>
public sealed class PatientViewService(CareDbContext db, AuditTrail audit, PlanClock clock, IOptions<CdsOptions> options)
{
    public const string PatientKey = "patient";

    public async Task<IReadOnlyList<CdsCard>> EvaluateAsync(CdsRequest request, CdsCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var context = HookContext.Read(request);
        var patient = request.Prefetch(PatientKey);
        if (patient.State == PrefetchState.Missing)
        {
            throw CdsRequestException.PrefetchMissing(PatientKey);
        }

        var memberIds = patient.State == PrefetchState.Present
            ? FhirReader.Read<FhirPatient>(patient.Value, $"prefetch.{PatientKey}").Identifier.IdentifierValues(options.Value.MemberIdentifierSystem).ToList()
            : [];
        if (memberIds.Count == 0)
        {
            return [];
        }

        var memberId = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.PlanMemberId)).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (memberId is not { } id)
        {
            return [];
        }

        var today = clock.Today;
        var tasks = await db.CoordinationTasks.AsNoTracking().Include(t => t.Event).ThenInclude(e => e!.Flags)
            .Where(t => t.MemberId == id && t.Status != CoordinationTaskStatus.Completed && t.Status != CoordinationTaskStatus.Cancelled)
            .OrderBy(t => t.Priority).ThenBy(t => t.DueOn).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        var releases = await db.Releases.AsNoTracking().Where(r => r.MemberId == id).OrderByDescending(r => r.SignedOn).ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, id, AuditUserOf(caller, context), cancellationToken: cancellationToken);

        var cards = tasks.Select(t => TaskCard(t, today)).ToList();
        if (releases.Count > 0)
        {
            cards.Add(ReleasesCard(releases, today));
        }

        return cards;
    }

    /// <summary>The audit trail's user for a CDS call: the EHR that called and the user it called for.</summary>
    private static string AuditUserOf(CdsCaller caller, HookContext context)
    {
        var user = $"cds:{caller.Issuer}|{context.UserId}";
        return user.Length <= 450 ? user : user[..450];
    }

    private static CdsCard TaskCard(CoordinationTask task, DateOnly today)
    {
        var ruleId = task.Trigger.RuleId();
        var overdue = task.IsOverdueOn(today);
        var reason = task.Event?.Flags.FirstOrDefault(f => f.Trigger == task.Trigger)?.Reason;
        var detail = new StringBuilder()
            .Append("**Open coordination task:** ").Append(task.Trigger.Label())
            .Append(", ").Append(CoordinationTask.Describe(task.Status))
            .Append(", ").Append(task.Priority.ToString().ToLowerInvariant()).Append(" priority")
            .Append(", due ").Append(RuleCards.Date(task.DueOn)).Append(overdue ? " (overdue)" : "").Append(".\n\n");
        if (reason is not null)
        {
            detail.Append("**Why:** ").Append(MarkdownText.Escape(reason)).Append("\n\n");
        }

        detail.Append("The care management team tracks this task in CareCoordination.");
        // An overdue task is at least a warning: it is already late.
        var indicator = overdue && task.Priority == Priority.Routine ? CdsIndicators.Warning : RuleCards.IndicatorOf(task.Priority);
        return new CdsCard(
            Uuid: Guid.NewGuid().ToString(),
            Summary: CdsCard.Summarized(
                $"Open coordination task {ruleId}: {task.Trigger.Label()}, {(overdue ? "overdue since" : "due")} {RuleCards.Date(task.DueOn)}"),
            Detail: detail.ToString(),
            Indicator: indicator,
            Source: new CdsSource(CdsCard.SourceLabel, new CdsCoding(FhirCodes.CoordinationRule, ruleId, task.Trigger.Label())));
    }

    private static CdsCard ReleasesCard(IReadOnlyList<Release> releases, DateOnly today)
    {
        var statuses = releases.Select(r => (Release: r, Status: r.StatusOn(today))).ToList();
        var counts = statuses.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Label()}");
        var detail = new StringBuilder("**Releases of information on file:**\n\n");
        foreach (var (release, status) in statuses)
        {
            detail.Append("- ").Append(release.Kind.Label()).Append(": ").Append(status.Label())
                .Append(", effective ").Append(RuleCards.Date(release.EffectiveOn));
            if (release.ExpiresOn is { } expires)
            {
                detail.Append(", expires ").Append(RuleCards.Date(expires));
            }

            detail.Append('\n');
        }

        detail.Append("\nPsychotherapy notes are released only under an active psychotherapy notes authorization signed by the member.");
        return new CdsCard(
            Uuid: Guid.NewGuid().ToString(),
            Summary: CdsCard.Summarized($"Releases of information on file: {string.Join(", ", counts)}"),
            Detail: detail.ToString(),
            Indicator: CdsIndicators.Info,
            Source: new CdsSource(CdsCard.SourceLabel, new CdsCoding(FhirCodes.CoordinationTopic, "release-status", "Release of information status")));
    }
}
