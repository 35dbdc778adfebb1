using System.Text;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Consent;
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
/// record is audited. Cards carry rule ids, dates and reasons; never the member's name or ids. A reason from a 42 CFR Part 2
/// program's event goes only to a plan provider (the <c>user</c> prefetch's NPI) whom the member's consent covers, with the
/// 2.32 notice; anyone else, or a user the plan cannot identify, reads a neutral line instead.
/// </summary>
public sealed class PatientViewService(CareDbContext db, AuditTrail audit, PlanClock clock, IOptions<CdsOptions> options, Part2Reach part2)
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

        var sharing = await RequestingProviderAsync(request, cancellationToken) is { } recipient
            ? await part2.ForMemberAsync(id, recipient, cancellationToken)
            : null;
        var cards = tasks.Select(t => TaskCard(t, today, ShareOf(t.Event, sharing))).ToList();
        if (releases.Count > 0)
        {
            cards.Add(ReleasesCard(releases, today));
        }

        return cards;
    }

    /// <summary>A Part 2 event's details reach the EHR user only when the plan knows them and the member's consent covers them.</summary>
    private static Part2Share ShareOf(CoordinationEvent? cause, Part2Sharing? sharing) =>
        cause is not { IsPart2Information: true } ? Part2Share.Unrestricted : sharing?.Of(true, cause.ProviderId) ?? Part2Share.Withheld;

    /// <summary>The plan provider the EHR called for, by an NPI in the optional <c>user</c> prefetch; null when there is none.</summary>
    private async Task<Part2Recipient?> RequestingProviderAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        var user = request.Prefetch("user");
        if (user.State != PrefetchState.Present)
        {
            return null;
        }

        var resource = FhirReader.Read(user.Value, "prefetch.user");
        IReadOnlyList<Hl7.Fhir.Model.Resource> people = resource switch
        {
            Hl7.Fhir.Model.Practitioner or Hl7.Fhir.Model.PractitionerRole => [resource],
            Hl7.Fhir.Model.Bundle bundle => FhirReader.Entries(bundle, "prefetch.user", typeof(Hl7.Fhir.Model.Practitioner), typeof(Hl7.Fhir.Model.PractitionerRole)),
            _ => [],
        };
        foreach (var text in people.SelectMany(ClinicianKinds.NpisOf).Distinct())
        {
            if (Npi.TryParse(text, out var npi)
                && await db.Providers.AsNoTracking().Where(p => p.Npi == npi).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } providerId)
            {
                return await part2.ProviderAsync(providerId, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>The audit trail's user for a CDS call: the EHR that called and the user it called for.</summary>
    private static string AuditUserOf(CdsCaller caller, HookContext context)
    {
        var user = $"cds:{caller.Issuer}|{context.UserId}";
        return user.Length <= 450 ? user : user[..450];
    }

    private static CdsCard TaskCard(CoordinationTask task, DateOnly today, Part2Share share)
    {
        var ruleId = task.Trigger.RuleId();
        var overdue = task.IsOverdueOn(today);
        var reason = share.Shown ? task.Event?.Flags.FirstOrDefault(f => f.Trigger == task.Trigger)?.Reason : Part2Sharing.WithheldLine;
        var detail = new StringBuilder()
            .Append("**Open coordination task:** ").Append(task.Trigger.Label())
            .Append(", ").Append(CoordinationTask.Describe(task.Status))
            .Append(", ").Append(task.Priority.ToString().ToLowerInvariant()).Append(" priority")
            .Append(", due ").Append(RuleCards.Date(task.DueOn)).Append(overdue ? " (overdue)" : "").Append(".\n\n");
        if (reason is not null)
        {
            detail.Append("**Why:** ").Append(MarkdownText.Escape(reason)).Append("\n\n");
        }

        if (share.UnderConsent)
        {
            detail.Append("**42 CFR Part 2:** ").Append(MarkdownText.Escape(share.Notice!)).Append("\n\n");
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
