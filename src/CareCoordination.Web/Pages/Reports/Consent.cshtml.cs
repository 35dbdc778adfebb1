using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Core.Reports;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
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
/// Consent gaps. Members with an active substance use disorder diagnosis (ICD-10-CM F10–F19; nicotine alone only when the
/// plan counts it) and no 42 CFR Part 2 consent in force today, so SUD records cannot go to their other providers; and
/// members whose requests for protected content (psychotherapy notes or Part 2 records) the consent gate refused in the
/// range, read from the audit trail. A diagnosis a 42 CFR Part 2 program recorded is counted but named only under the
/// member's consent for the plan (2.33(b)), with the 2.32 notice.
/// </summary>
[Authorize(Roles = CareRoles.CareManager + "," + CareRoles.Admin)]
public sealed class ConsentModel(CareDbContext db, PlanClock clock, CoordinationRules rules, MemberAccess access, AuditTrail audit,
    Part2Reach part2, IValidator<ReportFilter> validator) : ReportPageModel(db, clock, validator)
{
    public const int ListLimit = 100;

    public int SudWithoutConsentCount { get; private set; }

    public IReadOnlyList<SudRow> SudWithoutConsent { get; private set; } = [];

    public int BlockedRequests { get; private set; }

    public int BlockedPsychotherapyNoteRequests { get; private set; }

    public int BlockedPart2Requests { get; private set; }

    /// <summary>Refusals audited before the trail recorded which content was asked for.</summary>
    public int BlockedContentUnrecorded => BlockedRequests - BlockedPsychotherapyNoteRequests - BlockedPart2Requests;

    public int BlockedMemberCount { get; private set; }

    public IReadOnlyList<BlockedRow> Blocked { get; private set; } = [];

    /// <summary>The 2.32 notices of the Part 2 diagnoses listed under the members' consent.</summary>
    public IReadOnlyList<string> Part2Notices => Part2Sharing.NoticesOf(SudWithoutConsent.SelectMany(r => r.Shares));

    /// <summary>A row's diagnoses as plan staff may read them: the ones shown, and the neutral line for any withheld.</summary>
    public static string DiagnosesOf(SudRow row, string separator)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Join(separator, row.Diagnoses.Concat(row.DiagnosesWithheld ? [Part2Sharing.WithheldLine] : []));
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return;
        }

        var sud = await SudWithoutConsentAsync(Filter.Apply(Db.Members.AsNoTracking()), cancellationToken);
        SudWithoutConsentCount = await sud.CountAsync(cancellationToken);
        var denied = Denied(Filter.Apply(Db.Members.AsNoTracking()));
        var byContent = await denied.GroupBy(a => a.Content).Select(g => new { Content = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        BlockedRequests = byContent.Sum(c => c.Count);
        BlockedPsychotherapyNoteRequests = byContent.Where(c => c.Content == ProtectedContent.PsychotherapyNotes).Sum(c => c.Count);
        BlockedPart2Requests = byContent.Where(c => c.Content == ProtectedContent.SubstanceUseDisorderRecords).Sum(c => c.Count);
        BlockedMemberCount = await denied.Select(a => a.MemberId).Distinct().CountAsync(cancellationToken);
        if (MayListMembers)
        {
            var visible = Filter.Apply(access.MembersVisibleTo(User).AsNoTracking());
            SudWithoutConsent = await DescribeAsync(await (await SudWithoutConsentAsync(visible, cancellationToken)).OrderBy(m => m.Id).Take(ListLimit)
                .Select(m => new MemberRow { MemberId = m.Id, PlanMemberId = m.PlanMemberId, Name = m.GivenName + " " + m.FamilyName, Ppg = m.Ppg.Name }).ToListAsync(cancellationToken), cancellationToken);
            Blocked = await BlockedByMember(visible).OrderByDescending(b => b.LastBlockedAt).ThenBy(b => b.MemberId).Take(ListLimit).ToListAsync(cancellationToken);
            await audit.RecordAsync(AuditAction.MemberReportViewed, AuditOutcome.Success, cancellationToken: cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportSudAsync(CancellationToken cancellationToken)
    {
        if (!MayListMembers)
        {
            return Forbid();
        }

        if (!await PrepareAsync(cancellationToken))
        {
            return BadRequest();
        }

        var members = (await SudWithoutConsentAsync(Filter.Apply(access.MembersVisibleTo(User).AsNoTracking()), cancellationToken))
            .Select(m => new MemberRow { MemberId = m.Id, PlanMemberId = m.PlanMemberId, Name = m.GivenName + " " + m.FamilyName, Ppg = m.Ppg.Name });
        await audit.RecordAsync(AuditAction.MemberReportExported, AuditOutcome.Success, cancellationToken: cancellationToken);
        string[] header = ["member_id", "member_name", "ppg", "sud_diagnoses", "part2_consent_on_file"];
        var rows = Keyset.InBatches(async (after, token) => await DescribeAsync(
                await members.Where(m => m.MemberId > after).OrderBy(m => m.MemberId).Take(Keyset.BatchSize).ToListAsync(token), token),
                r => r.Member.MemberId, cancellationToken)
            .Select(r => ((IReadOnlyList<string?>)[r.Member.PlanMemberId, r.Member.Name, r.Member.Ppg, DiagnosesOf(r, "; "), r.ConsentOnFile],
                r.Shares.FirstOrDefault(s => s.UnderConsent) ?? Part2Share.Unrestricted));
        return new CsvDownload($"sud-without-part2-consent-{ReportFormat.IsoDate(Today)}.csv", header, Part2Rows.WithNotices(rows));
    }

    public async Task<IActionResult> OnGetExportBlockedAsync(CancellationToken cancellationToken)
    {
        if (!MayListMembers)
        {
            return Forbid();
        }

        if (!await PrepareAsync(cancellationToken))
        {
            return BadRequest();
        }

        var blocked = BlockedByMember(Filter.Apply(access.MembersVisibleTo(User).AsNoTracking()));
        await audit.RecordAsync(AuditAction.MemberReportExported, AuditOutcome.Success, cancellationToken: cancellationToken);
        string[] header = ["member_id", "member_name", "blocked_requests", "psychotherapy_note_requests", "part2_record_requests", "last_blocked_on"];
        var rows = Keyset.InBatches((after, token) => blocked.Where(b => b.MemberId > after).OrderBy(b => b.MemberId).Take(Keyset.BatchSize).ToListAsync(token),
                b => b.MemberId, cancellationToken)
            .Select(b => (IReadOnlyList<string?>)[b.PlanMemberId, b.MemberName, b.Requests.ToString(CultureInfo.InvariantCulture),
                b.PsychotherapyNoteRequests.ToString(CultureInfo.InvariantCulture), b.Part2Requests.ToString(CultureInfo.InvariantCulture), ReportFormat.IsoDate(LastBlockedOn(b))]);
        return new CsvDownload($"protected-content-blocked-{ReportFormat.IsoDate(Today)}.csv", header, rows);
    }

    public DateOnly LastBlockedOn(BlockedRow row) => PlanDays.DayOf(row.LastBlockedAt, PlanZone);

    /// <summary>
    /// Members with an active SUD diagnosis and no Part 2 consent active today. The SUD codes are picked from the distinct
    /// codes on problem lists (a few thousand at most) by the same classes the rules use, then matched in the database.
    /// </summary>
    private async Task<IQueryable<Member>> SudWithoutConsentAsync(IQueryable<Member> members, CancellationToken cancellationToken)
    {
        var countsNicotine = rules.Settings.NicotineCountsAsSubstanceUse;
        var sudCodes = (await Db.Conditions.AsNoTracking().Where(c => c.Status == ConditionStatus.Active).Select(c => c.Code).Distinct().ToListAsync(cancellationToken))
            .Where(code => code.IsSubstanceUse() && (countsNicotine || !code.IsNicotineDependence())).ToList();
        var today = Today;
        return members.Where(m => Db.Conditions.Any(c => c.MemberId == m.Id && c.Status == ConditionStatus.Active && sudCodes.Contains(c.Code))
            && !Db.Releases.Any(r => r.MemberId == m.Id && r.Kind == ReleaseKind.SubstanceUseDisorderConsent && r.RevokedAt == null
                && r.Verification == ReleaseVerification.Verified
                && r.EffectiveOn <= today && (r.ExpiresOn == null || r.ExpiresOn >= today)
                && (r.ExpirationEventOccurredOn == null || r.ExpirationEventOccurredOn > today)));
    }

    /// <summary>For a page of listed members: their SUD diagnoses, and what became of any Part 2 consent they signed.</summary>
    private async Task<List<SudRow>> DescribeAsync(List<MemberRow> members, CancellationToken cancellationToken)
    {
        var ids = members.Select(m => m.MemberId).ToList();
        var countsNicotine = rules.Settings.NicotineCountsAsSubstanceUse;
        var programs = (await Db.Providers.AsNoTracking().Where(p => p.IsPart2Program).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var sharing = await part2.ForMembersAsync(ids, Part2Recipient.Plan, cancellationToken);
        var diagnoses = (await Db.Conditions.AsNoTracking().Where(c => ids.Contains(c.MemberId) && c.Status == ConditionStatus.Active)
                .Select(c => new { c.MemberId, c.Code, c.RecordedById }).ToListAsync(cancellationToken))
            .Where(c => c.Code.IsSubstanceUse() && (countsNicotine || !c.Code.IsNicotineDependence()))
            // Diagnoses carry their recording provider: the directory says which providers are Part 2 programs.
            .Select(c => (c.MemberId, Code: c.Code.Value, Share: sharing[c.MemberId].Of(programs.Contains(c.RecordedById), c.RecordedById)))
            .ToLookup(c => c.MemberId);
        var consents = (await Db.Releases.AsNoTracking().Where(r => ids.Contains(r.MemberId) && r.Kind == ReleaseKind.SubstanceUseDisorderConsent)
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.MemberId);
        return [.. members.Select(m => new SudRow(m, [.. diagnoses[m.MemberId].Where(d => d.Share.Shown).Select(d => d.Code).Distinct().Order(StringComparer.Ordinal)],
            ConsentOnFile(consents[m.MemberId]), diagnoses[m.MemberId].Any(d => !d.Share.Shown), [.. diagnoses[m.MemberId].Select(d => d.Share)]))];
    }

    private string ConsentOnFile(IEnumerable<Release> consents)
    {
        // A consent no one has verified yet counts as none: say which state it waits in rather than "active".
        var states = consents.Select(r => (Status: r.StatusOn(Today), r.Verification)).OrderBy(s => s.Status).ThenBy(s => s.Verification)
            .Select(s => s.Status == ReleaseStatus.Active && s.Verification != ReleaseVerification.Verified ? s.Verification.Label() : s.Status.Label())
            .Distinct().ToList();
        return states.Count == 0 ? "none on file" : string.Join(", ", states);
    }

    /// <summary>
    /// Refused requests for protected content in the range, of these members: the audit trail's ProtectedContentRequested
    /// denials. Entries written before the trail recorded the content count in the totals only.
    /// </summary>
    private IQueryable<AuditEntry> Denied(IQueryable<Member> members)
    {
        var (start, end) = Filter.Instants(PlanZone);
        return Db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.ProtectedContentRequested && a.Outcome == AuditOutcome.Denied
            && a.OccurredAt >= start && a.OccurredAt < end && members.Any(m => m.Id == a.MemberId));
    }

    private IQueryable<BlockedRow> BlockedByMember(IQueryable<Member> members) =>
        from b in Denied(members).GroupBy(a => a.MemberId!.Value).Select(g => new
        {
            MemberId = g.Key,
            Requests = g.Count(),
            Notes = g.Count(a => a.Content == ProtectedContent.PsychotherapyNotes),
            Part2 = g.Count(a => a.Content == ProtectedContent.SubstanceUseDisorderRecords),
            Last = g.Max(a => a.OccurredAt),
        })
        join m in members on b.MemberId equals m.Id
        select new BlockedRow
        {
            MemberId = m.Id, PlanMemberId = m.PlanMemberId, MemberName = m.GivenName + " " + m.FamilyName,
            Requests = b.Requests, PsychotherapyNoteRequests = b.Notes, Part2Requests = b.Part2, LastBlockedAt = b.Last,
        };

    /// <summary>A listed member; built with an initializer so that a query can still filter and sort by its members.</summary>
    public sealed record MemberRow
    {
        public required int MemberId { get; init; }

        public required string PlanMemberId { get; init; }

        public required string Name { get; init; }

        public required string Ppg { get; init; }
    }

    /// <summary>A listed member: the SUD diagnoses plan staff may read, whether any are withheld (42 CFR Part 2), and how each reaches them.</summary>
    public sealed record SudRow(MemberRow Member, IReadOnlyList<string> Diagnoses, string ConsentOnFile, bool DiagnosesWithheld, IReadOnlyList<Part2Share> Shares);

    public sealed record BlockedRow
    {
        public required int MemberId { get; init; }

        public required string PlanMemberId { get; init; }

        public required string MemberName { get; init; }

        public required int Requests { get; init; }

        public required int PsychotherapyNoteRequests { get; init; }

        public required int Part2Requests { get; init; }

        public required DateTime LastBlockedAt { get; init; }
    }
}
