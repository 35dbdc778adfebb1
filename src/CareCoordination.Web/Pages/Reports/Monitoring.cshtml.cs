using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Reports;
using CareCoordination.Core.Vocabularies;
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
/// Medication monitoring, as of the last day of the range. Members taking lithium or clozapine with no medication-monitoring
/// event (a lithium level, an ANC) in the last 90 days; members taking an antipsychotic with no metabolic-screening event in
/// the last 12 months, counted in the HEDIS APM and SSD age bands. "Taking" is an order active that day whose ATC or RxNorm
/// code is one of the ingredient's in the shipped psychotropic vocabulary.
/// </summary>
[Authorize(Roles = CareRoles.CareManager + "," + CareRoles.Admin)]
public sealed class MonitoringModel(CareDbContext db, PlanClock clock, ClinicalVocabulary vocabulary, MemberAccess access, AuditTrail audit,
    IValidator<ReportFilter> validator) : ReportPageModel(db, clock, validator)
{
    public const int LevelDays = 90;
    public const int MetabolicMonths = 12;
    public const int ListLimit = 100;

    public DateOnly AsOf => Filter.LastDay;

    public LookbackWindow LevelWindow => LookbackWindow.Days(AsOf, LevelDays);

    public LookbackWindow MetabolicWindow => LookbackWindow.Months(AsOf, MetabolicMonths);

    public DateOnly MeasurementYearEnd => HedisAgeBands.MeasurementYearEnd(AsOf);

    public (int Taking, int Unmonitored) Lithium { get; private set; }

    public (int Taking, int Unmonitored) Clozapine { get; private set; }

    public IReadOnlyList<BandRow> Bands { get; private set; } = [];

    public IReadOnlyList<LevelRow> LevelsDue { get; private set; } = [];

    public IReadOnlyList<ScreeningRow> ScreeningsDue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return;
        }

        var members = Filter.Apply(Db.Members.AsNoTracking());
        var levels = await Levels(members).GroupBy(m => new { m.Lithium, m.Clozapine, m.Monitored })
            .Select(g => new { g.Key.Lithium, g.Key.Clozapine, g.Key.Monitored, Count = g.Count() }).ToListAsync(cancellationToken);
        Lithium = (levels.Where(g => g.Lithium).Sum(g => g.Count), levels.Where(g => g.Lithium && !g.Monitored).Sum(g => g.Count));
        Clozapine = (levels.Where(g => g.Clozapine).Sum(g => g.Count), levels.Where(g => g.Clozapine && !g.Monitored).Sum(g => g.Count));

        var (thresholds, bands) = HedisAgeBands.DateOfBirthSteps(MeasurementYearEnd);
        var band = StepFunction.Over<Member, DateOnly, HedisAgeBand>(m => m.DateOfBirth, thresholds, bands);
        var antipsychotics = ActiveOrders(Antipsychotics);
        var screenings = Events(CoordinationEventKind.MetabolicScreening, MetabolicWindow);
        var byBand = await members.Where(m => antipsychotics.Any(o => o.MemberId == m.Id))
            .GroupBy(StepFunction.Inline((Member m, HedisAgeBand b) => new BandGroup { Band = b, Screened = screenings.Any(e => e.MemberId == m.Id) }, band))
            .Select(g => new { g.Key.Band, g.Key.Screened, Count = g.Count() }).ToListAsync(cancellationToken);
        Bands = [.. bands.Reverse().Select(b => new BandRow(b, byBand.Where(g => g.Band == b).Sum(g => g.Count), byBand.Where(g => g.Band == b && !g.Screened).Sum(g => g.Count)))];

        if (MayListMembers)
        {
            var visible = Filter.Apply(access.MembersVisibleTo(User).AsNoTracking());
            LevelsDue = await LevelRows(visible).Take(ListLimit).ToListAsync(cancellationToken);
            ScreeningsDue = await ScreeningRows(visible).Take(ListLimit).ToListAsync(cancellationToken);
            await audit.RecordAsync(AuditAction.MemberReportViewed, AuditOutcome.Success, cancellationToken: cancellationToken);
        }
    }

    public Task<IActionResult> OnGetExportLevelsAsync(CancellationToken cancellationToken) =>
        ExportAsync("lithium-clozapine-monitoring", ["member_id", "member_name", "medication", "last_monitoring_on"], LevelRows,
            r => r.MemberId, r => [r.PlanMemberId, r.MemberName, r.Medication, ReportFormat.IsoDate(DayOf(r.LastMonitoredAt))], cancellationToken);

    public Task<IActionResult> OnGetExportMetabolicAsync(CancellationToken cancellationToken) =>
        ExportAsync("antipsychotic-metabolic-screening", ["member_id", "member_name", "hedis_age_band", "last_screening_on"], ScreeningRows,
            r => r.MemberId, r => [r.PlanMemberId, r.MemberName, BandOf(r).Label(), ReportFormat.IsoDate(DayOf(r.LastScreenedAt))], cancellationToken);

    public HedisAgeBand BandOf(ScreeningRow row) => HedisAgeBands.For(row.DateOfBirth, MeasurementYearEnd);

    public DateOnly? DayOf(DateTime? instant) => instant is { } at ? PlanDays.DayOf(at, PlanZone) : null;

    private async Task<IActionResult> ExportAsync<TRow>(string name, string[] header, Func<IQueryable<Member>, IQueryable<TRow>> rowsOf, Func<TRow, int> idOf,
        Func<TRow, IReadOnlyList<string?>> fields, CancellationToken cancellationToken)
    {
        if (!MayListMembers)
        {
            return Forbid();
        }

        if (!await PrepareAsync(cancellationToken))
        {
            return BadRequest();
        }

        var visible = Filter.Apply(access.MembersVisibleTo(User).AsNoTracking());
        await audit.RecordAsync(AuditAction.MemberReportExported, AuditOutcome.Success, cancellationToken: cancellationToken);
        var rows = Keyset.InBatches((after, token) => rowsOf(visible.Where(m => m.Id > after)).Take(Keyset.BatchSize).ToListAsync(token), idOf, cancellationToken);
        return new CsvDownload($"{name}-{ReportFormat.IsoDate(Today)}.csv", header, rows.Select(fields));
    }

    private IReadOnlyList<PsychotropicIngredient> LithiumIngredients => [.. vocabulary.Psychotropics.Ingredients.Where(i => i.Class == PsychotropicClass.Lithium)];

    private IReadOnlyList<PsychotropicIngredient> ClozapineIngredients => [.. vocabulary.Psychotropics.Ingredients.Where(i => i.Name == "clozapine")];

    private IReadOnlyList<PsychotropicIngredient> Antipsychotics => [.. vocabulary.Psychotropics.Ingredients.Where(i => i.Class == PsychotropicClass.Antipsychotic)];

    /// <summary>Orders active on the as-of day for one of the ingredients, matched by ATC or RxNorm code.</summary>
    private IQueryable<MedicationOrder> ActiveOrders(IReadOnlyList<PsychotropicIngredient> ingredients)
    {
        IReadOnlyList<string?> atc = [.. ingredients.Select(i => i.AtcCode)];
        IReadOnlyList<string?> rxNorm = [.. ingredients.SelectMany(i => i.RxNormCodes)];
        var asOf = AsOf;
        return Db.MedicationOrders.Where(o => o.StartOn <= asOf && (o.StopOn == null || o.StopOn >= asOf) && (atc.Contains(o.AtcCode) || rxNorm.Contains(o.RxNormCode)));
    }

    /// <summary>Events of the kind on the plan days of the window.</summary>
    private IQueryable<CoordinationEvent> Events(CoordinationEventKind kind, LookbackWindow window)
    {
        var start = PlanDays.StartUtc(window.First, PlanZone);
        var end = PlanDays.StartUtc(window.Last.AddDays(1), PlanZone);
        return Db.CoordinationEvents.Where(e => e.Kind == kind && e.OccurredAt >= start && e.OccurredAt < end);
    }

    /// <summary>Members taking lithium or clozapine, which of the two, and whether a monitoring event falls in the last 90 days.</summary>
    private IQueryable<LevelGroup> Levels(IQueryable<Member> members)
    {
        var lithium = ActiveOrders(LithiumIngredients);
        var clozapine = ActiveOrders(ClozapineIngredients);
        var monitoring = Events(CoordinationEventKind.MedicationMonitoring, LevelWindow);
        return members
            .Select(m => new LevelGroup
            {
                MemberId = m.Id,
                Lithium = lithium.Any(o => o.MemberId == m.Id),
                Clozapine = clozapine.Any(o => o.MemberId == m.Id),
                Monitored = monitoring.Any(e => e.MemberId == m.Id),
            })
            .Where(m => m.Lithium || m.Clozapine);
    }

    /// <summary>The unmonitored lithium and clozapine members, in id order, with their last monitoring event ever (up to the as-of day).</summary>
    private IQueryable<LevelRow> LevelRows(IQueryable<Member> members)
    {
        var end = PlanDays.StartUtc(AsOf.AddDays(1), PlanZone);
        return from level in Levels(members).Where(l => !l.Monitored)
               join m in members on level.MemberId equals m.Id
               orderby m.Id
               select new LevelRow(m.Id, m.PlanMemberId, m.GivenName + " " + m.FamilyName,
                   level.Lithium && level.Clozapine ? "lithium, clozapine" : level.Lithium ? "lithium" : "clozapine",
                   Db.CoordinationEvents.Where(e => e.MemberId == m.Id && e.Kind == CoordinationEventKind.MedicationMonitoring && e.OccurredAt < end)
                       .Max(e => (DateTime?)e.OccurredAt));
    }

    /// <summary>The members on an antipsychotic with no metabolic screening in the last 12 months, in id order, with their last screening ever.</summary>
    private IQueryable<ScreeningRow> ScreeningRows(IQueryable<Member> members)
    {
        var antipsychotics = ActiveOrders(Antipsychotics);
        var screenings = Events(CoordinationEventKind.MetabolicScreening, MetabolicWindow);
        var end = PlanDays.StartUtc(AsOf.AddDays(1), PlanZone);
        return members.Where(m => antipsychotics.Any(o => o.MemberId == m.Id) && !screenings.Any(e => e.MemberId == m.Id))
            .OrderBy(m => m.Id)
            .Select(m => new ScreeningRow(m.Id, m.PlanMemberId, m.GivenName + " " + m.FamilyName, m.DateOfBirth,
                Db.CoordinationEvents.Where(e => e.MemberId == m.Id && e.Kind == CoordinationEventKind.MetabolicScreening && e.OccurredAt < end)
                    .Max(e => (DateTime?)e.OccurredAt)));
    }

    public sealed record BandRow(HedisAgeBand Band, int Taking, int Unscreened);

    public sealed record LevelRow(int MemberId, string PlanMemberId, string MemberName, string Medication, DateTime? LastMonitoredAt);

    public sealed record ScreeningRow(int MemberId, string PlanMemberId, string MemberName, DateOnly DateOfBirth, DateTime? LastScreenedAt);

    public sealed class BandGroup
    {
        public HedisAgeBand Band { get; init; }

        public bool Screened { get; init; }
    }

    public sealed class LevelGroup
    {
        public int MemberId { get; init; }

        public bool Lithium { get; init; }

        public bool Clozapine { get; init; }

        public bool Monitored { get; init; }
    }
}
