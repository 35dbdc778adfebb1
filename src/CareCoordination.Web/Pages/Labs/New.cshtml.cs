using System.Globalization;
using System.Linq.Expressions;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Reports;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Labs;

/// <summary>
/// A clinician records a lab that monitors a medication (a lithium level, an ANC for clozapine) or a metabolic screening
/// for a member on an antipsychotic (a glucose test and a lipid test, as HEDIS APM/SSD ask). The monitoring report reads
/// these events; they raise no coordination flag.
/// </summary>
public sealed class NewModel(
    MemberAccess access,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    PlanClock clock,
    AuditTrail audit,
    IValidator<NewModel.LabResult> validator) : PageModel
{
    [BindProperty]
    public LabResult Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public string MemberName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        SubmissionId = Guid.NewGuid();
        Input.DrawnOn = clock.Today;
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

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

        var drawnOn = Input.DrawnOn!.Value;
        // A lab drawn earlier is placed at midday of its plan day: the reports' windows count plan days.
        DateTime? occurredAt = drawnOn == clock.Today ? null : PlanDays.StartUtc(drawnOn, clock.PlanZone).AddHours(12);
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, Input.EventKind, Input.Summary(), [], SharingDiscussedWithMember: false, Input.NoteText),
            User.UserId(), User.ProviderIdOf(), cancellationToken, occurredAt);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Events/{recorded.Event.Id}", cancellationToken));
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await access.MembersInCareOf(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return false;
        }

        MemberName = member;
        return true;
    }

    public enum LabPurpose
    {
        MedicationMonitoring,
        MetabolicScreening,
    }

    public enum MonitoringTest
    {
        LithiumLevel,
        ClozapineAnc,
    }

    public enum GlucoseTest
    {
        HbA1c,
        FastingGlucose,
    }

    public enum LipidTest
    {
        LdlCholesterol,
        TotalCholesterol,
    }

    public sealed class LabResult
    {
        public LabPurpose? Purpose { get; set; }

        public DateOnly? DrawnOn { get; set; }

        public MonitoringTest? MonitoringTest { get; set; }

        public decimal? MonitoringValue { get; set; }

        public GlucoseTest? GlucoseTest { get; set; }

        public decimal? GlucoseValue { get; set; }

        public LipidTest? LipidTest { get; set; }

        public decimal? LipidValue { get; set; }

        public string? Note { get; set; }

        public string? NoteText => string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();

        public CoordinationEventKind EventKind => Purpose == LabPurpose.MetabolicScreening
            ? CoordinationEventKind.MetabolicScreening
            : CoordinationEventKind.MedicationMonitoring;

        /// <summary>The timeline line: the tests with their results and units, and the day drawn.</summary>
        public string Summary()
        {
            var drawn = $"drawn {DrawnOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            return Purpose == LabPurpose.MetabolicScreening
                ? $"Metabolic screening: {Result(Units.Of(GlucoseTest!.Value), GlucoseValue!.Value)}, {Result(Units.Of(LipidTest!.Value), LipidValue!.Value)}; {drawn}"
                : $"{Result(Units.Of(MonitoringTest!.Value), MonitoringValue!.Value)}; {drawn}";
        }

        private static string Result(TestUnits test, decimal value) =>
            $"{test.Name} {value.ToString("0.###", CultureInfo.InvariantCulture)}{test.Unit}";
    }

    /// <summary>A test's name, unit and the range a real result falls in (wider than any reference range, to catch typos).</summary>
    public sealed record TestUnits(string Name, string Unit, decimal Lowest, decimal Highest);

    public static class Units
    {
        public static TestUnits Of(MonitoringTest test) => test switch
        {
            MonitoringTest.LithiumLevel => new("Lithium level", " mmol/L", 0, 5),
            _ => new("ANC", "/µL", 0, 50_000),
        };

        public static TestUnits Of(GlucoseTest test) => test switch
        {
            GlucoseTest.HbA1c => new("HbA1c", "%", 3, 20),
            _ => new("Fasting glucose", " mg/dL", 20, 1_000),
        };

        public static TestUnits Of(LipidTest test) => test switch
        {
            LipidTest.LdlCholesterol => new("LDL-C", " mg/dL", 10, 500),
            _ => new("Total cholesterol", " mg/dL", 50, 800),
        };
    }

    public sealed class LabResultValidator : AbstractValidator<LabResult>
    {
        public LabResultValidator(PlanClock clock)
        {
            RuleFor(r => r.Purpose).NotNull().WithMessage("Choose what the lab was for.").IsInEnum();
            RuleFor(r => r.DrawnOn).NotNull().WithMessage("Enter the day the sample was drawn.");
            RuleFor(r => r.DrawnOn).Must(drawnOn => drawnOn <= clock.Today).WithMessage("The day drawn cannot be in the future.").When(r => r.DrawnOn is not null);
            RuleFor(r => r.Note).MaximumLength(2000).WithMessage("Keep the note under 2,000 characters.");

            When(r => r.Purpose == LabPurpose.MedicationMonitoring, () => Result(r => r.MonitoringTest, r => r.MonitoringValue, Units.Of,
                "Choose the test: a lithium level or an ANC.", "Enter the result."));
            When(r => r.Purpose == LabPurpose.MetabolicScreening, () =>
            {
                const string both = "screening needs both a glucose and a lipid test.";
                Result(r => r.GlucoseTest, r => r.GlucoseValue, Units.Of, "Choose the glucose test: HbA1c or fasting glucose.", $"Enter the glucose result; {both}");
                Result(r => r.LipidTest, r => r.LipidValue, Units.Of, "Choose the lipid test: LDL-C or total cholesterol.", $"Enter the lipid result; {both}");
            });
        }

        /// <summary>A test chosen from its list, and its result within the range a real result of that test falls in.</summary>
        private void Result<TTest>(Expression<Func<LabResult, TTest?>> test, Expression<Func<LabResult, decimal?>> value, Func<TTest, TestUnits> units,
            string chooseTest, string enterResult)
            where TTest : struct, Enum
        {
            var testOf = test.Compile();
            var valueOf = value.Compile();
            RuleFor(test).NotNull().WithMessage(chooseTest).IsInEnum();
            RuleFor(value).NotNull().WithMessage(enterResult);
            RuleFor(value).Must((r, result) => InRange(units(testOf(r)!.Value), result!.Value))
                .WithMessage(r => OutOfRange(units(testOf(r)!.Value)))
                .When(r => testOf(r) is { } chosen && Enum.IsDefined(chosen) && valueOf(r) is not null);
        }

        private static bool InRange(TestUnits test, decimal value) => value >= test.Lowest && value <= test.Highest;

        private static string OutOfRange(TestUnits test) =>
            string.Create(CultureInfo.InvariantCulture, $"{test.Name} is between {test.Lowest:#,0.###} and {test.Highest:#,0.###}{test.Unit}; check the result.");
    }
}
