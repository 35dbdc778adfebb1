using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Assessments;

/// <summary>
/// A change in condition for a member the clinician already treats: known conditions got worse, came back or resolved,
/// and new diagnoses were made. A new behavioral diagnosis or a worse or returning condition is T2; a newly found
/// medical condition is the BH discovery path (BH-MEDICAL-FINDING); a resolution is recorded and fires nothing.
/// </summary>
public sealed class ConditionModel(
    CareDbContext db,
    MemberAccess access,
    AuditTrail audit,
    CoordinationRecorder recorder,
    SubmissionGuard submissions,
    PlanClock clock,
    ClinicalVocabulary vocabulary,
    IValidator<ConditionModel.ConditionChange> validator) : PageModel
{
    public const int AddedRows = 5;

    [BindProperty]
    public ConditionChange Input { get; set; } = new();

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public PractitionerHistory History { get; private set; } = null!;

    public ProblemList ProblemList { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        AlignInput();
        SubmissionId = Guid.NewGuid();
        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken cancellationToken)
    {
        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (!await LoadAsync(memberId, cancellationToken))
        {
            return NotFound();
        }

        AlignInput();
        if (History.MemberIsNew)
        {
            ModelState.AddModelError(string.Empty, "This member is new to you: record the intake assessment first.");
            return Page();
        }

        (await validator.ValidateAsync(Input, cancellationToken)).ApplyTo(ModelState, nameof(Input));
        CheckAgainstTheProblemList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var (facts, lines) = Apply(User.ProviderIdOf()!.Value);
        var recorded = await recorder.RecordAsync(
            new CoordinationEntry(memberId, CoordinationEventKind.Assessment, DiagnosisForms.Fitted("Change in condition: " + string.Join("; ", lines)),
                [new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, MemberIsNewToPractitioner: false, facts)],
                Input.SharingDiscussedWithMember, Input.NoteText()),
            User.UserId(), User.ProviderIdOf(), cancellationToken);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Members/{memberId}/Events/{recorded.Event.Id}", cancellationToken));
    }

    /// <summary>The choices offered for a condition in its current status.</summary>
    public static IReadOnlyList<(ConditionAction Action, string Label)> ChoicesFor(ConditionStatus status) => status == ConditionStatus.Active
        ? [(ConditionAction.NoChange, "No change"), (ConditionAction.Worse, "Worse"), (ConditionAction.Resolved, "Resolved")]
        : [(ConditionAction.NoChange, "Still resolved"), (ConditionAction.ActiveAgain, "Active again")];

    /// <summary>One update per condition on the list, in its order, keeping what was posted for each.</summary>
    private void AlignInput()
    {
        var posted = Input.Existing.Where(u => u.Action is not null).GroupBy(u => u.ConditionId).ToDictionary(g => g.Key, g => g.Last().Action);
        Input.Existing = [.. ProblemList.Conditions.Select(c => new ConditionUpdate { ConditionId = c.Id, Action = posted.GetValueOrDefault(c.Id) ?? ConditionAction.NoChange })];
        // The rows now follow the problem list; values posted in another order must not be shown against the wrong row.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"{nameof(Input)}.{nameof(ConditionChange.Existing)}", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        Input.Added = DiagnosisEntry.Padded(Input.Added, AddedRows);
    }

    /// <summary>What the validator cannot know: whether anything changed, and how the rows fit the problem list.</summary>
    private void CheckAgainstTheProblemList()
    {
        if (Input.Existing.All(u => u.Action == ConditionAction.NoChange) && Input.Added.All(r => r.IsBlank))
        {
            ModelState.AddModelError(string.Empty, "Nothing to record: mark a condition worse, resolved or active again, or add a diagnosis.");
        }

        for (var i = 0; i < Input.Existing.Count; i++)
        {
            if (!ChoicesFor(ProblemList.Conditions[i].Status).Any(c => c.Action == Input.Existing[i].Action))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ConditionChange.Existing)}[{i}].{nameof(ConditionUpdate.Action)}", "Choose one of the listed changes.");
            }
        }

        for (var i = 0; i < Input.Added.Count; i++)
        {
            if (Icd10CmCode.TryParse(Input.Added[i].Code, out var code) && ProblemList.HasActive(code!))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(ConditionChange.Added)}[{i}].{nameof(DiagnosisEntry.Code)}",
                    $"{code} is already active on the problem list: mark it Worse above if it changed.");
            }
        }
    }

    /// <summary>Changes the problem list and says what changed, as facts for the rules and as words for the timeline.</summary>
    private (List<DiagnosisFact> Facts, List<string> Lines) Apply(int providerId)
    {
        var facts = new List<DiagnosisFact>();
        var lines = new List<string>();
        foreach (var (condition, update) in ProblemList.Conditions.Zip(Input.Existing))
        {
            switch (update.Action)
            {
                case ConditionAction.Worse:
                    facts.Add(new DiagnosisFact(condition.Code, condition.Description, DiagnosisChange.Worsened));
                    lines.Add($"{condition.Code} {condition.Description}: worse");
                    break;
                case ConditionAction.ActiveAgain:
                    condition.Reactivate();
                    facts.Add(new DiagnosisFact(condition.Code, condition.Description, DiagnosisChange.Reactivated));
                    lines.Add($"{condition.Code} {condition.Description}: active again");
                    break;
                case ConditionAction.Resolved:
                    condition.Resolve(clock.Today);
                    lines.Add($"{condition.Code} {condition.Description}: resolved");
                    break;
            }
        }

        foreach (var row in Input.Added.Where(r => !r.IsBlank))
        {
            var description = row.DescriptionFrom(vocabulary.CommonDiagnoses);
            var change = ProblemList.Record(row.ParsedCode, description, row.OnsetOn, providerId, clock.UtcNow);
            facts.Add(new DiagnosisFact(row.ParsedCode, description, change));
            lines.Add($"{row.ParsedCode} {description}: {(change == DiagnosisChange.New ? "new" : "active again")}");
        }

        return (facts, lines);
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

        (MemberId, MemberName) = (memberId, member);
        History = await PractitionerHistory.OfAsync(db, clock, memberId, User.ProviderIdOf()!.Value, cancellationToken);
        ProblemList = await ProblemList.LoadAsync(db, memberId, cancellationToken);
        return true;
    }

    public enum ConditionAction
    {
        NoChange,
        Worse,
        Resolved,
        ActiveAgain,
    }

    public sealed class ConditionUpdate
    {
        public int ConditionId { get; set; }

        public ConditionAction? Action { get; set; }
    }

    public sealed class ConditionChange : ICoordinationInput
    {
        public List<ConditionUpdate> Existing { get; set; } = [];

        public List<DiagnosisEntry> Added { get; set; } = [];

        public bool SharingDiscussedWithMember { get; set; }

        public string? Note { get; set; }
    }

    public sealed class ConditionChangeValidator : AbstractValidator<ConditionChange>
    {
        public ConditionChangeValidator(PlanClock clock, ClinicalVocabulary vocabulary)
        {
            RuleFor(c => c.Added).Must(rows => DiagnosisForms.Repeated(rows) is null)
                .WithMessage(c => $"{DiagnosisForms.Repeated(c.Added)} is listed twice; enter each diagnosis once.");
            RuleForEach(c => c.Added).SetValidator(new DiagnosisEntryValidator(clock, vocabulary));
            RuleFor(c => c.Note).MaximumLength(CoordinationInput.NoteLength).WithMessage("Keep the note under 2,000 characters.");
        }
    }
}
