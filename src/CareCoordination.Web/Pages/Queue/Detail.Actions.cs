using CareCoordination.Core;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Queue;

/// <summary>
/// What a care manager does with a task, one named handler per action. Claiming is one conditional update, so two care
/// managers can never both hold a task; every other change carries the version its form was rendered with, so a change
/// made from a stale page is shown as a conflict instead of overwriting someone else's work.
/// </summary>
public sealed partial class DetailModel
{
    [BindProperty]
    public ReassignmentInput Reassignment { get; set; } = new();

    [BindProperty]
    public ContactAttemptInput ContactAttempt { get; set; } = new();

    [BindProperty]
    public CompletionInput Completion { get; set; } = new();

    [BindProperty]
    public CancellationInput Cancellation { get; set; } = new();

    [BindProperty]
    public ReopeningInput Reopening { get; set; } = new();

    public async Task<IActionResult> OnPostClaimAsync(int taskId, CancellationToken cancellationToken)
    {
        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        var me = User.UserId();
        var version = Guid.NewGuid();
        var visible = access.MembersVisibleTo(User).Select(m => m.Id);
        var claimed = await db.CoordinationTasks
            .Where(t => t.Id == taskId && t.AssigneeUserId == null && t.Status == CoordinationTaskStatus.Open && visible.Contains(t.MemberId))
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.AssigneeUserId, me)
                .SetProperty(t => t.Status, CoordinationTaskStatus.InProgress)
                .SetProperty(t => t.Version, version), cancellationToken);
        if (claimed == 0)
        {
            // A twin of this post (a double click) that claimed the task a moment ago goes where that one went.
            if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } twin)
            {
                return LocalRedirect(twin);
            }

            return await RefusedAsync(taskId, task => task.AssigneeUserId is not null && !CoordinationTask.IsClosedStatus(task.Status)
                ? $"Already claimed by {task.Assignee ?? "another care manager"}."
                : $"Only open tasks can be claimed; this one is {CoordinationTask.Describe(task.Status)}.", cancellationToken);
        }

        // Claimed only once the task is ours, as in every other action: a refused claim leaves the form usable again.
        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var memberId = await db.CoordinationTasks.Where(t => t.Id == taskId).Select(t => t.MemberId).SingleAsync(cancellationToken);
        db.TaskActivities.Add(new TaskActivity { TaskId = taskId, UserId = me, At = clock.UtcNow, Kind = TaskActivityKind.Claimed });
        audit.Add(AuditAction.TaskChanged, AuditOutcome.Success, memberId);
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Queue/{taskId}", cancellationToken));
    }

    public async Task<IActionResult> OnPostReassignAsync(int taskId, CancellationToken cancellationToken)
    {
        var validation = await reassignmentRules.ValidateAsync(Reassignment, cancellationToken);
        if (validation.IsValid && !await IsCareManagerAsync(Reassignment.AssigneeUserId!, cancellationToken))
        {
            validation.Errors.Add(new ValidationFailure(nameof(ReassignmentInput.AssigneeUserId), "Choose a care manager from the list."));
        }

        var assignee = await db.Users.Where(u => u.Id == Reassignment.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return await ChangeAsync(taskId, validation, nameof(Reassignment), $"Reassign the task to {assignee}", task =>
            task.AssigneeUserId == Reassignment.AssigneeUserId
                ? DomainChange.Refused($"This task is already assigned to {assignee}.")
                : task.Reassign(Reassignment.AssigneeUserId!),
            task => Activity(task, TaskActivityKind.Reassigned, $"To {assignee}."), cancellationToken);
    }

    public async Task<IActionResult> OnPostContactAttemptAsync(int taskId, CancellationToken cancellationToken)
    {
        var input = ContactAttempt;
        var now = clock.UtcNow;
        // The event's flags record how far its coordination got; they change in the same save as the task.
        var flags = await db.CoordinationFlags.Where(f => db.CoordinationTasks.Any(t => t.Id == taskId && t.EventId == f.EventId)).ToListAsync(cancellationToken);
        return await ChangeAsync(taskId, await contactAttemptRules.ValidateAsync(input, cancellationToken), nameof(ContactAttempt),
            $"Log a contact attempt ({input.Method?.Label()}, {input.Outcome?.Label()}). Next step: “{input.NextStep}”" + (string.IsNullOrWhiteSpace(input.Note) ? "" : $" Note: “{input.Note}”"),
            task =>
            {
                var change = task.LogContactAttempt(now);
                if (change.Done)
                {
                    flags.ForEach(flag => flag.ContactAttempted(task.Trigger, input.Outcome!.Value, now));
                }

                return change;
            },
            task => TaskActivity.ContactAttempt(task.Id, User.UserId(), now, input.Method!.Value, input.Outcome!.Value, input.NextStep!, input.Note),
            cancellationToken);
    }

    public Task<IActionResult> OnPostWaitOnProviderAsync(int taskId, CancellationToken cancellationToken) =>
        ChangeAsync(taskId, validation: null, prefix: "", "Set the task waiting on the provider",
            task => task.WaitOnProvider(), task => Activity(task, TaskActivityKind.WaitingOnProvider, note: null), cancellationToken);

    public Task<IActionResult> OnPostResumeAsync(int taskId, CancellationToken cancellationToken) =>
        ChangeAsync(taskId, validation: null, prefix: "", "Resume the task",
            task => task.Resume(), task => Activity(task, TaskActivityKind.Resumed, note: null), cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(int taskId, CancellationToken cancellationToken)
    {
        var outcome = Completion.Outcome?.Trim();
        return await ChangeAsync(taskId, await completionRules.ValidateAsync(Completion, cancellationToken), nameof(Completion),
            $"Complete the task with the outcome “{outcome}”",
            task => task.Complete(outcome!, clock.UtcNow), task => Activity(task, TaskActivityKind.Completed, outcome), cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(int taskId, CancellationToken cancellationToken)
    {
        var reason = Cancellation.Reason?.Trim();
        return await ChangeAsync(taskId, await cancellationRules.ValidateAsync(Cancellation, cancellationToken), nameof(Cancellation),
            $"Cancel the task because “{reason}”",
            task => task.Cancel(reason!, clock.UtcNow), task => Activity(task, TaskActivityKind.Cancelled, reason), cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(int taskId, CancellationToken cancellationToken)
    {
        var note = Reopening.Note?.Trim();
        return await ChangeAsync(taskId, await reopeningRules.ValidateAsync(Reopening, cancellationToken), nameof(Reopening),
            $"Reopen the task: “{note}”",
            task => task.Reopen(), task => Activity(task, TaskActivityKind.Reopened, note), cancellationToken);
    }

    /// <summary>
    /// The path of every versioned change: validate, find the task, honour a repeated submission, check the version,
    /// ask the domain, then save the task, its activity and the audit entry together (or show why not).
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int taskId, ValidationResult? validation, string prefix, string attempted,
        Func<CoordinationTask, DomainChange> change, Func<CoordinationTask, TaskActivity> activity, CancellationToken cancellationToken)
    {
        if (validation is { IsValid: false })
        {
            if (!await LoadAsync(taskId, cancellationToken))
            {
                return NotFound();
            }

            validation.ApplyTo(ModelState, prefix);
            return Page();
        }

        var task = await VisibleTasks().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        if (await submissions.EarlierResultAsync(SubmissionId, cancellationToken) is { } repeated)
        {
            return LocalRedirect(repeated);
        }

        if (task.Version != Version)
        {
            return await ConflictAsync(taskId, attempted, cancellationToken);
        }

        var result = change(task);
        if (!result.Done)
        {
            return await RefusedAsync(taskId, _ => result.Refusal!, cancellationToken);
        }

        db.TaskActivities.Add(activity(task));
        audit.Add(AuditAction.TaskChanged, AuditOutcome.Success, task.MemberId);
        try
        {
            // Claimed last: the claim saves the change with it, so a refusal or a conflict leaves the form unused.
            if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
            {
                return LocalRedirect(earlier);
            }

            return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Queue/{taskId}", cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved a change between our read and our write: the version in the UPDATE no longer matched.
            return await ConflictAsync(taskId, attempted, cancellationToken);
        }
    }

    private TaskActivity Activity(CoordinationTask task, TaskActivityKind kind, string? note) =>
        new() { TaskId = task.Id, UserId = User.UserId(), At = clock.UtcNow, Kind = kind, Note = note };

    /// <summary>Nothing of the refused change is saved, and the form's submission id stays unused so the person can try again.</summary>
    private async Task<IActionResult> RefusedAsync(int taskId, Func<TaskView, string> reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(taskId, cancellationToken))
        {
            return NotFound();
        }

        Refusal = reason(Item);
        await audit.RecordAsync(AuditAction.TaskChanged, AuditOutcome.Denied, Item.MemberId, cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>
    /// Shows the task as it is now beside what the person tried, keeps everything they typed, and renders the forms with
    /// the current version: submitting again, having seen the change, is a deliberate decision.
    /// </summary>
    private async Task<IActionResult> ConflictAsync(int taskId, string attempted, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(taskId, cancellationToken))
        {
            return NotFound();
        }

        Conflict = new EditConflict(attempted, Version, Item.Version);
        ModelState.Remove(nameof(Version));
        Version = Item.Version;
        await audit.RecordAsync(AuditAction.TaskChanged, AuditOutcome.Failure, Item.MemberId, cancellationToken: cancellationToken);
        return Page();
    }

    private Task<bool> IsCareManagerAsync(string userId, CancellationToken cancellationToken)
    {
        var careManagerRole = db.Roles.Where(r => r.Name == CareRoles.CareManager).Select(r => r.Id);
        return db.UserRoles.AnyAsync(ur => ur.UserId == userId && careManagerRole.Contains(ur.RoleId), cancellationToken);
    }

    public sealed class ReassignmentInput
    {
        public string? AssigneeUserId { get; set; }
    }

    public sealed class ReassignmentValidator : AbstractValidator<ReassignmentInput>
    {
        public ReassignmentValidator() =>
            RuleFor(r => r.AssigneeUserId).NotEmpty().WithMessage("Choose the care manager to take this task.");
    }

    public sealed class ContactAttemptInput
    {
        public ContactMethod? Method { get; set; }

        public ContactOutcome? Outcome { get; set; }

        public string? NextStep { get; set; }

        public string? Note { get; set; }
    }

    public sealed class ContactAttemptValidator : AbstractValidator<ContactAttemptInput>
    {
        public ContactAttemptValidator()
        {
            RuleFor(c => c.Method).NotNull().WithMessage("Choose how you made contact.").IsInEnum();
            RuleFor(c => c.Outcome).NotNull().WithMessage("Choose what came of it.").IsInEnum();
            RuleFor(c => c.NextStep).NotEmpty().WithMessage("Say what happens next.")
                .MaximumLength(TaskActivity.NextStepMaxLength).WithMessage($"Keep the next step under {TaskActivity.NextStepMaxLength} characters.");
            RuleFor(c => c.Note).MaximumLength(TaskActivity.ContactNoteMaxLength).WithMessage($"Keep the note under {TaskActivity.ContactNoteMaxLength} characters.");
        }
    }

    public sealed class CompletionInput
    {
        public string? Outcome { get; set; }
    }

    public sealed class CompletionValidator : AbstractValidator<CompletionInput>
    {
        public CompletionValidator() =>
            RuleFor(c => c.Outcome).NotEmpty().WithMessage("Say how the coordination ended.")
                .MaximumLength(1000).WithMessage("Keep the outcome under 1,000 characters.");
    }

    public sealed class CancellationInput
    {
        public string? Reason { get; set; }
    }

    public sealed class CancellationValidator : AbstractValidator<CancellationInput>
    {
        public CancellationValidator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the task is cancelled.")
                .MaximumLength(1000).WithMessage("Keep the reason under 1,000 characters.");
    }

    public sealed class ReopeningInput
    {
        public string? Note { get; set; }
    }

    public sealed class ReopeningValidator : AbstractValidator<ReopeningInput>
    {
        public ReopeningValidator() =>
            RuleFor(r => r.Note).NotEmpty().WithMessage("Say why the task is reopened.")
                .MaximumLength(1000).WithMessage("Keep the note under 1,000 characters.");
    }
}
