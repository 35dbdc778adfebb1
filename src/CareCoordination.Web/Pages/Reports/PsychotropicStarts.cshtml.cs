using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Reports;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using CareCoordination.Web.Reports;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Reports;

/// <summary>
/// New psychotropic starts communicated to the PCP within 2 business days. A start is a medication started by a BH
/// practitioner that raised T1 (the "Start a medication" path). It is communicated when the PCP acknowledged the
/// coordination message, or when a care manager's contact attempt on its T1 task reached the PCP or sent the information;
/// on time when that happened by the end of the second business day after the start (weekends and the plan's holidays
/// skipped, plan days). Care managers also see the starts that were not communicated in time; a start a 42 CFR Part 2
/// program recorded names its medication only under the member's consent for the plan (2.33(b)), with the 2.32 notice.
/// </summary>
[Authorize(Roles = CareRoles.CareManager + "," + CareRoles.Admin)]
public sealed class PsychotropicStartsModel(CareDbContext db, PlanClock clock, CoordinationRules rules, MemberAccess access, AuditTrail audit,
    Part2Reach part2, IValidator<ReportFilter> validator) : ReportPageModel(db, clock, validator)
{
    private IReadOnlyDictionary<int, Part2Sharing> _sharing = new Dictionary<int, Part2Sharing>();

    public const int BusinessDays = 2;
    public const int ListLimit = 100;

    public Counts Summary { get; private set; } = new(0, 0, 0);

    public IReadOnlyList<Row> Late { get; private set; } = [];

    public IReadOnlyList<DateOnly> Holidays => rules.Settings.ServiceLevels.Holidays;

    /// <summary>The 2.32 notices of the Part 2 starts listed under the members' consent.</summary>
    public IReadOnlyList<string> Part2Notices => Part2Sharing.NoticesOf(Late.Select(ShareOf));

    /// <summary>Whether a listed start's medication reaches plan staff (the plan is the recipient: 42 CFR 2.33(b)).</summary>
    public Part2Share ShareOf(Row row) => ShareOf(row, _sharing);

    public string MedicationOf(Row row) => ShareOf(row).Shown ? row.Summary : Part2Sharing.WithheldLine;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return;
        }

        var (starts, onTime) = Query();
        var groups = await starts.GroupBy(onTime).Select(g => new { OnTime = g.Key, Count = g.Count(), Communicated = g.Count(s => s.CommunicatedAt != null) })
            .ToListAsync(cancellationToken);
        var inTime = groups.Where(g => g.OnTime).Sum(g => g.Count);
        Summary = new Counts(groups.Sum(g => g.Count), inTime, groups.Where(g => !g.OnTime).Sum(g => g.Communicated));
        if (MayListMembers)
        {
            Late = await LateRows().Take(ListLimit).ToListAsync(cancellationToken);
            _sharing = await part2.ForMembersAsync([.. Late.Where(r => r.IsPart2Information).Select(r => r.MemberId)], Part2Recipient.Plan, cancellationToken);
            await audit.RecordAsync(AuditAction.MemberReportViewed, AuditOutcome.Success, cancellationToken: cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!MayListMembers)
        {
            return Forbid();
        }

        if (!await PrepareAsync(cancellationToken))
        {
            return BadRequest();
        }

        await audit.RecordAsync(AuditAction.MemberReportExported, AuditOutcome.Success, cancellationToken: cancellationToken);
        string[] header = ["member_id", "member_name", "started_on", "medication", "last_day_to_tell_pcp", "communicated_on"];
        var rows = LateRowsInBatchesAsync(cancellationToken).Select(r => ((IReadOnlyList<string?>)[r.Row.PlanMemberId, r.Row.MemberName, ReportFormat.IsoDate(StartedOn(r.Row)),
                r.Share.Shown ? r.Row.Summary : Part2Sharing.WithheldLine, ReportFormat.IsoDate(LastDay(r.Row)), ReportFormat.IsoDate(CommunicatedOn(r.Row))], r.Share));
        return new CsvDownload($"psychotropic-starts-{ReportFormat.IsoDate(Today)}.csv", header, Part2Rows.WithNotices(rows));
    }

    public DateOnly StartedOn(Row row) => PlanDays.DayOf(row.OccurredAt, PlanZone);

    public DateOnly LastDay(Row row) => BusinessDayWindow.LastDay(StartedOn(row), BusinessDays, Holidays);

    public DateOnly? CommunicatedOn(Row row) => row.CommunicatedAt is { } at ? PlanDays.DayOf(at, PlanZone) : null;

    /// <summary>
    /// The starts in the range (of only the given events, when given), each with the first time it was communicated (kept on
    /// its T1 flag), and whether that was before its window closed (a CASE over the start's plan day).
    /// </summary>
    private (IQueryable<Start> Starts, Expression<Func<Start, bool>> OnTime) Query(IReadOnlyCollection<int>? events = null)
    {
        var (start, end) = Filter.Instants(PlanZone);
        // The page offers no rule or priority: a start is a T1 flag, whatever a link from another report carries.
        var flags = Filter.ApplyPpg(Db.CoordinationFlags.AsNoTracking(), Db)
            .Where(f => f.Trigger == CoordinationTrigger.PsychotropicStartOrChange && f.OccurredAt >= start && f.OccurredAt < end);
        // ... raised by a medication started: those events of the range come from their index by kind and day, a set SQLite
        // builds once (asking each flag's event was three times slower). The CSV's batches name events already known to be starts.
        flags = events is null
            ? flags.Where(f => Db.CoordinationEvents
                .Where(e => e.Kind == CoordinationEventKind.MedicationStarted && e.OccurredAt >= start && e.OccurredAt < end)
                .Select(e => e.Id).Contains(f.EventId))
            : flags.Where(f => events.Contains(f.EventId));
        var starts = flags
            .GroupBy(f => f.EventId)
            .Select(g => new Start { EventId = g.Key, OccurredAt = g.Min(f => f.OccurredAt), CommunicatedAt = g.Min(f => f.CommunicatedAt) });
        var days = Enumerable.Range(0, Filter.LastDay.DayNumber - Filter.FirstDay.DayNumber + 1).Select(Filter.FirstDay.AddDays).ToList();
        var closes = StepFunction.Over<Start, DateTime, DateTime>(s => s.OccurredAt,
            [.. days.Skip(1).Select(d => PlanDays.StartUtc(d, PlanZone))],
            [.. days.Select(d => BusinessDayWindow.ClosesAtUtc(d, BusinessDays, Holidays, PlanZone))]);
        return (starts, StepFunction.Inline((Start s, DateTime closesAt) => s.CommunicatedAt < closesAt, closes));
    }

    /// <summary>The starts not communicated in time (of only the given events, when given), of members the user may see, in event order.</summary>
    private IQueryable<Row> LateRows(IReadOnlyCollection<int>? events = null)
    {
        var (starts, onTime) = Query(events);
        return from s in starts.Where(Expression.Lambda<Func<Start, bool>>(Expression.Not(onTime.Body), onTime.Parameters))
               join e in Db.CoordinationEvents on s.EventId equals e.Id
               join m in access.MembersVisibleTo(User) on e.MemberId equals m.Id
               orderby s.EventId
               select new Row
               {
                   EventId = s.EventId,
                   MemberId = m.Id,
                   PlanMemberId = m.PlanMemberId,
                   MemberName = m.GivenName + " " + m.FamilyName,
                   OccurredAt = s.OccurredAt,
                   Summary = e.Summary,
                   CommunicatedAt = s.CommunicatedAt,
                   IsPart2Information = e.IsPart2Information,
                   ProviderId = e.ProviderId,
               };
    }

    /// <summary>
    /// Every late start for the CSV: which events are late is worked out once over the range, then their rows are read a
    /// batch of events at a time, each batch grouping only its own events' flags (keyset batches would group the whole
    /// range again for each).
    /// </summary>
    private async IAsyncEnumerable<(Row Row, Part2Share Share)> LateRowsInBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var late = await LateRows().Select(r => r.EventId).ToListAsync(cancellationToken);
        foreach (var events in late.Chunk(Keyset.BatchSize))
        {
            var rows = await LateRows(events).ToListAsync(cancellationToken);
            var sharing = await part2.ForMembersAsync([.. rows.Where(r => r.IsPart2Information).Select(r => r.MemberId)], Part2Recipient.Plan, cancellationToken);
            foreach (var row in rows)
            {
                yield return (row, ShareOf(row, sharing));
            }
        }
    }

    private static Part2Share ShareOf(Row row, IReadOnlyDictionary<int, Part2Sharing> sharing) =>
        !row.IsPart2Information ? Part2Share.Unrestricted
            : sharing.TryGetValue(row.MemberId, out var member) ? member.Of(true, row.ProviderId) : Part2Share.Withheld;

    /// <summary>A start and its first communication; a class with settable members, as EF composes queries over it.</summary>
    public sealed class Start
    {
        public int EventId { get; init; }

        public DateTime OccurredAt { get; init; }

        public DateTime? CommunicatedAt { get; init; }
    }

    public sealed record Counts(int Starts, int OnTime, int Late)
    {
        public int NotCommunicated => Starts - OnTime - Late;
    }

    /// <summary>A start not communicated in time; built with an initializer so that the CSV can first select only its event id.</summary>
    public sealed record Row
    {
        public required int EventId { get; init; }

        public required int MemberId { get; init; }

        public required string PlanMemberId { get; init; }

        public required string MemberName { get; init; }

        public required DateTime OccurredAt { get; init; }

        public required string Summary { get; init; }

        /// <summary>The first communication, however late: the acknowledgment or the contact, whichever came first.</summary>
        public DateTime? CommunicatedAt { get; init; }

        /// <summary>The start was recorded by a 42 CFR Part 2 program.</summary>
        public bool IsPart2Information { get; init; }

        public int? ProviderId { get; init; }
    }
}
