using System.Globalization;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin;

/// <summary>
/// The plan's settings for the coordination rules (docs/rules.md): due dates, what makes a psychotropic change
/// significant, nicotine, holidays. Saved in the one PlanRuleSettings row; the rules read it on every request. Until the
/// first save the form starts from the settings in effect (configuration, or the documented defaults).
/// </summary>
public sealed class SettingsModel(
    CareDbContext db,
    RuleSettings configured,
    AuditTrail audit,
    SubmissionGuard submissions,
    PlanClock clock,
    IValidator<SettingsModel.Settings> validator) : PageModel
{
    [BindProperty]
    public Settings Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Who saved the settings last, and when; null while the plan runs on configuration or the defaults.</summary>
    public string? LastSaved { get; private set; }

    public static RuleSettings Defaults => RuleSettings.Default;

    public static string DefaultThreshold =>
        Settings.Percent(Defaults.SignificantChange.DailyDoseChangeThreshold).ToString("0.##", CultureInfo.CurrentCulture) + "%";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var saved = await LoadLastSavedAsync(cancellationToken);
        Input = Settings.From(saved?.ToRuleSettings() ?? configured);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var saved = await LoadLastSavedAsync(cancellationToken);
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        if (saved is null)
        {
            saved = new PlanRuleSettings { Id = PlanRuleSettings.SingletonId };
            db.PlanRuleSettings.Add(saved);
        }

        saved.CopyFrom(Input.ToRuleSettings());
        saved.UpdatedAt = clock.UtcNow;
        saved.UpdatedByUserId = User.UserId();
        audit.Add(AuditAction.SettingsChanged, AuditOutcome.Success);
        Notice = "Settings saved. The rules use them from the next thing anyone records.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Settings", cancellationToken));
    }

    private async Task<PlanRuleSettings?> LoadLastSavedAsync(CancellationToken cancellationToken)
    {
        var saved = await db.PlanRuleSettings.SingleOrDefaultAsync(s => s.Id == PlanRuleSettings.SingletonId, cancellationToken);
        if (saved is not null)
        {
            var by = await db.Users.Where(u => u.Id == saved.UpdatedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            LastSaved = $"Last saved by {by ?? "a former user"}, {Display.Moment(saved.UpdatedAt, clock.PlanZone)}.";
        }

        return saved;
    }

    public sealed class Settings
    {
        public int? UrgentBusinessDays { get; set; }

        public int? HighBusinessDays { get; set; }

        public int? RoutineBusinessDays { get; set; }

        public decimal? DailyDoseChangePercent { get; set; }

        /// <summary>Ingredient names, comma separated.</summary>
        public string? AnyDoseChangeIngredients { get; set; }

        public bool NicotineCountsAsSubstanceUse { get; set; }

        /// <summary>ISO dates, one a line.</summary>
        public string? Holidays { get; set; }

        public static Settings From(RuleSettings settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            return new()
            {
                UrgentBusinessDays = settings.ServiceLevels.UrgentBusinessDays,
                HighBusinessDays = settings.ServiceLevels.HighBusinessDays,
                RoutineBusinessDays = settings.ServiceLevels.RoutineBusinessDays,
                DailyDoseChangePercent = Percent(settings.SignificantChange.DailyDoseChangeThreshold),
                AnyDoseChangeIngredients = string.Join(", ", settings.SignificantChange.AnyDoseChangeIngredients),
                NicotineCountsAsSubstanceUse = settings.NicotineCountsAsSubstanceUse,
                Holidays = string.Join('\n', settings.ServiceLevels.Holidays.Order().Select(Iso)),
            };
        }

        /// <summary>The settings entered, tidied: ingredient names in lower case, holidays without repeats, in date order.</summary>
        public RuleSettings ToRuleSettings() => new()
        {
            ServiceLevels = new ServiceLevels
            {
                UrgentBusinessDays = UrgentBusinessDays!.Value,
                HighBusinessDays = HighBusinessDays!.Value,
                RoutineBusinessDays = RoutineBusinessDays!.Value,
                Holidays = [.. HolidayLines(Holidays).Select(line => ParseDay(line)!.Value).Distinct().Order()],
            },
            SignificantChange = new SignificantChangePolicy
            {
                DailyDoseChangeThreshold = DailyDoseChangePercent!.Value / 100m,
                AnyDoseChangeIngredients = [.. IngredientNames(AnyDoseChangeIngredients)],
            },
            NicotineCountsAsSubstanceUse = NicotineCountsAsSubstanceUse,
        };

        public static decimal Percent(decimal fraction) => decimal.Round(fraction * 100m, 2);

        public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        internal static IEnumerable<string> IngredientNames(string? list) =>
            (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => name.ToLowerInvariant()).Distinct();

        internal static IEnumerable<string> HolidayLines(string? text) =>
            (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        internal static DateOnly? ParseDay(string text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    public sealed class SettingsValidator : AbstractValidator<Settings>
    {
        private const int MostHolidays = 150;

        public SettingsValidator(ClinicalVocabulary vocabulary)
        {
            ArgumentNullException.ThrowIfNull(vocabulary);
            var known = vocabulary.Psychotropics.Ingredients.Select(i => i.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            BusinessDays(s => s.UrgentBusinessDays, "urgent", 0, 5);
            BusinessDays(s => s.HighBusinessDays, "high-priority", 0, 10);
            BusinessDays(s => s.RoutineBusinessDays, "routine", 1, 20);
            RuleFor(s => s.HighBusinessDays).GreaterThanOrEqualTo(s => s.UrgentBusinessDays)
                .WithMessage("High-priority work cannot be due sooner than urgent work.")
                .When(s => s.UrgentBusinessDays is not null && s.HighBusinessDays is not null);
            RuleFor(s => s.RoutineBusinessDays).GreaterThanOrEqualTo(s => s.HighBusinessDays)
                .WithMessage("Routine work cannot be due sooner than high-priority work.")
                .When(s => s.HighBusinessDays is not null && s.RoutineBusinessDays is not null);
            RuleFor(s => s.DailyDoseChangePercent).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Enter the daily-dose change, in percent, that counts as significant.")
                .InclusiveBetween(10m, 100m).WithMessage("Enter a percentage from 10 to 100.")
                .PrecisionScale(5, 2, ignoreTrailingZeros: true).WithMessage("Use at most two decimal places.");
            RuleFor(s => s.AnyDoseChangeIngredients).Custom((list, context) =>
            {
                var unknown = Settings.IngredientNames(list).Where(name => !known.Contains(name)).ToList();
                if (unknown.Count > 0)
                {
                    context.AddFailure($"Not in the psychotropic catalog: {string.Join(", ", unknown)}. Use generic ingredient names, like lithium or clozapine.");
                }
            });
            RuleFor(s => s.AnyDoseChangeIngredients).MaximumLength(500).WithMessage("Keep the list under 500 characters.");
            RuleFor(s => s.Holidays).Custom((text, context) =>
            {
                var lines = Settings.HolidayLines(text).ToList();
                var bad = lines.Where(line => Settings.ParseDay(line) is null).ToList();
                if (bad.Count > 0)
                {
                    context.AddFailure($"Write each holiday as a date like 2026-12-25, one a line. Not dates: {string.Join(", ", bad)}.");
                }
                else if (lines.Distinct().Count() > MostHolidays)
                {
                    context.AddFailure($"List at most {MostHolidays} holidays.");
                }
            });
        }

        private void BusinessDays(System.Linq.Expressions.Expression<Func<Settings, int?>> days, string priority, int least, int most) =>
            RuleFor(days).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage($"Enter the business days allowed for {priority} work.")
                .InclusiveBetween(least, most).WithMessage($"Give {priority} work from {least} to {most} business days.");
    }
}
