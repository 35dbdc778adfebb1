using System.Globalization;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Reports;
using CareCoordination.Web.Data;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace CareCoordination.Web.Reports;

/// <summary>
/// The reports' filters as they travel in the query string: dates, a PPG id and enum names, never anything that
/// identifies a member. Empty dates mean the 13 weeks up to today (or up to the chosen last day), the last one included.
/// </summary>
public sealed class ReportFilter
{
    public const int MaxDays = 366;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int? Ppg { get; set; }

    public CoordinationTrigger? Trigger { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>The dates the reports use: those chosen, or the last 13 weeks up to today.</summary>
    public ReportFilter WithDefaultDates(DateOnly today) => new()
    {
        From = From ?? ReportWeeks.StartOf(To ?? today).AddDays(-7 * 12),
        To = To ?? today,
        Ppg = Ppg,
        Trigger = Trigger,
        Priority = Priority,
    };

    /// <summary>The first day, once the default dates are filled in (model validation must not read it before).</summary>
    [ValidateNever]
    public DateOnly FirstDay => From ?? throw new InvalidOperationException("Fill in the default dates first.");

    [ValidateNever]
    public DateOnly LastDay => To ?? throw new InvalidOperationException("Fill in the default dates first.");

    /// <summary>The range in UTC: from the start of the first plan day to the start of the day after the last.</summary>
    public (DateTime Start, DateTime End) Instants(TimeZoneInfo planZone) =>
        (PlanDays.StartUtc(FirstDay, planZone), PlanDays.StartUtc(LastDay.AddDays(1), planZone));

    /// <summary>These filters as query-string values, for links to the same report, its CSV and the other reports.</summary>
    public Dictionary<string, string> QueryValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["Filter.From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Filter.To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Filter.Ppg"] = Ppg?.ToString(CultureInfo.InvariantCulture),
            ["Filter.Trigger"] = Trigger?.ToString(),
            ["Filter.Priority"] = Priority?.ToString(),
        };
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public IQueryable<CoordinationTask> Apply(IQueryable<CoordinationTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (Ppg is { } ppg)
        {
            tasks = tasks.Where(t => t.Member.PpgId == ppg);
        }

        if (Trigger is { } trigger)
        {
            tasks = tasks.Where(t => t.Trigger == trigger);
        }

        if (Priority is { } priority)
        {
            tasks = tasks.Where(t => t.Priority == priority);
        }

        return tasks;
    }

    /// <summary>Flags of the chosen rule and priority, on events of members in the chosen PPG.</summary>
    public IQueryable<CoordinationFlag> Apply(IQueryable<CoordinationFlag> flags, CareDbContext db)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (Trigger is { } trigger)
        {
            flags = flags.Where(f => f.Trigger == trigger);
        }

        if (Priority is { } priority)
        {
            flags = flags.Where(f => f.Priority == priority);
        }

        return ApplyPpg(flags, db);
    }

    /// <summary>Flags on events of members in the chosen PPG; the rule and priority do not apply.</summary>
    public IQueryable<CoordinationFlag> ApplyPpg(IQueryable<CoordinationFlag> flags, CareDbContext db)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(db);
        return Ppg is { } ppg ? flags.Where(f => db.Members.Any(m => m.Id == f.MemberId && m.PpgId == ppg)) : flags;
    }

    public IQueryable<InboxMessage> Apply(IQueryable<InboxMessage> messages, CareDbContext db)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(db);
        if (Trigger is not null || Priority is not null)
        {
            var trigger = Trigger;
            var priority = Priority;
            messages = messages.Where(m => m.Event.Flags.Any(f => (trigger == null || f.Trigger == trigger) && (priority == null || f.Priority == priority)));
        }

        return Ppg is { } ppg ? messages.Where(m => db.Members.Any(x => x.Id == m.MemberId && x.PpgId == ppg)) : messages;
    }

    public IQueryable<Member> Apply(IQueryable<Member> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return Ppg is { } ppg ? members.Where(m => m.PpgId == ppg) : members;
    }

    public sealed class Validator : AbstractValidator<ReportFilter>
    {
        public Validator()
        {
            RuleFor(f => f.To).GreaterThanOrEqualTo(f => f.From).WithMessage("The range must end on or after its first day.")
                .When(f => f.From is not null && f.To is not null);
            RuleFor(f => f.From).Must((f, from) => f.To!.Value.DayNumber - from!.Value.DayNumber < MaxDays)
                .WithMessage($"Choose a range of at most {MaxDays} days.")
                .When(f => f.From is not null && f.To is not null && f.From <= f.To);
            RuleFor(f => f.Trigger).IsInEnum().WithMessage("Choose a rule from the list.");
            RuleFor(f => f.Priority).IsInEnum().WithMessage("Choose a priority from the list.");
        }
    }
}
