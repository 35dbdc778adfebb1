using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareCoordination.Web.Pages.Admin.Users;

/// <summary>
/// Changes an account's name, role and provider link, and locks or unlocks it. A change of role or provider, and a lock,
/// end the person's current sessions: their next request sends them back to sign in.
/// </summary>
public sealed class EditModel(
    CareDbContext db,
    UserManager<CareUser> users,
    AuditTrail audit,
    SubmissionGuard submissions,
    PlanClock clock,
    SignInThrottle throttle,
    IValidator<EditModel.AccountChanges> validator) : PageModel
{
    [BindProperty]
    public AccountChanges Input { get; set; } = new();

    /// <summary>The submission id of whichever form was posted: the account form or the lock form.</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>The lock or unlock form's own submission id, so that it and the account form each happen once.</summary>
    public Guid LockSubmissionId { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string Email { get; private set; } = "";

    public string CurrentName { get; private set; } = "";

    public bool IsSelf { get; private set; }

    /// <summary>Null while the account may sign in; otherwise until when it may not, in words.</summary>
    public string? LockedUntil { get; private set; }

    public int FailedSignIns { get; private set; }

    public IReadOnlyList<SelectListItem> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Input = new AccountChanges { DisplayName = account.DisplayName, Role = await RoleOfAsync(account), ProviderId = account.ProviderId };
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.ApplyTo(ModelState, nameof(Input));
            return Page();
        }

        var currentRole = await RoleOfAsync(account);
        if (IsSelf && currentRole == CareRoles.Admin && Input.Role != CareRoles.Admin)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AccountChanges.Role)}",
                "You cannot remove your own administrator role. Ask another administrator, so the plan is never left without one.");
            return Page();
        }

        if (await ProviderLinks.ProblemAsync(db, Input, account.Id, cancellationToken) is { } linkProblem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AccountChanges.ProviderId)}", linkProblem);
            return Page();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        var accessChanged = currentRole != Input.Role || account.ProviderId != Input.ProviderId;
        if (currentRole != Input.Role)
        {
            if (currentRole is not null)
            {
                Succeeded(await users.RemoveFromRoleAsync(account, currentRole));
            }

            Succeeded(await users.AddToRoleAsync(account, Input.Role!));
        }

        account.DisplayName = Input.DisplayName!.Trim();
        account.ProviderId = Input.ProviderId;
        Succeeded(await users.UpdateAsync(account));
        if (accessChanged)
        {
            // The role and provider travel in the sign-in cookie; a new stamp makes every existing cookie invalid.
            Succeeded(await users.UpdateSecurityStampAsync(account));
        }

        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = accessChanged ? $"Saved {account.DisplayName}. Their access changed, so they must sign in again." : $"Saved {account.DisplayName}.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, "/Admin/Users", cancellationToken));
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        if (IsSelf)
        {
            return await RefusedAsync(account, "You cannot lock your own account. Ask another administrator.");
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Succeeded(await users.SetLockoutEnabledAsync(account, true));
        Succeeded(await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue));
        // Locking stops new sign-ins; the new stamp ends the sessions already open.
        Succeeded(await users.UpdateSecurityStampAsync(account));
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Locked {account.DisplayName}'s account and signed them out everywhere.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Admin/Users/{account.Id}/Edit", cancellationToken));
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        if (await submissions.ClaimAsync(SubmissionId, cancellationToken) is { } earlier)
        {
            return LocalRedirect(earlier);
        }

        Succeeded(await users.SetLockoutEndDateAsync(account, null));
        Succeeded(await users.ResetAccessFailedCountAsync(account));
        // This node's throttle too, so the person can sign in at once (another node's lets them in within minutes).
        throttle.Forget(account.NormalizedEmail, account.Id);
        audit.Add(AuditAction.DirectoryChanged, AuditOutcome.Success);
        Notice = $"Unlocked {account.DisplayName}'s account.";
        return LocalRedirect(await submissions.CompleteAsync(SubmissionId, $"/Admin/Users/{account.Id}/Edit", cancellationToken));
    }

    private async Task<CareUser?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id);
        if (account is null)
        {
            return null;
        }

        Email = account.Email ?? "";
        CurrentName = account.DisplayName;
        IsSelf = account.Id == User.UserId();
        LockedUntil = account.LockoutEnd is not { } end || end.UtcDateTime <= clock.UtcNow ? null
            : end.Year == DateTimeOffset.MaxValue.Year ? "until an administrator unlocks it"
            : "until " + Display.Moment(end.UtcDateTime, clock.PlanZone);
        FailedSignIns = account.AccessFailedCount;
        Providers = ProviderLinks.Options(await ProviderLinks.ChoicesAsync(db, cancellationToken));
        LockSubmissionId = Guid.NewGuid();
        return account;
    }

    /// <summary>Shows the page again with a form-level message, the account form as saved.</summary>
    private async Task<IActionResult> RefusedAsync(CareUser account, string message)
    {
        ModelState.Clear();
        Input = new AccountChanges { DisplayName = account.DisplayName, Role = await RoleOfAsync(account), ProviderId = account.ProviderId };
        SubmissionId = Guid.NewGuid();
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task<string?> RoleOfAsync(CareUser account) => (await users.GetRolesAsync(account)).FirstOrDefault();

    /// <summary>Everything was checked before; a failure here is a race or a bug: stop, and the transaction saves nothing.</summary>
    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Changing the account failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    public sealed class AccountChanges : IAccountFields
    {
        public string? DisplayName { get; set; }

        public string? Role { get; set; }

        public int? ProviderId { get; set; }
    }

    public sealed class AccountChangesValidator : AbstractValidator<AccountChanges>
    {
        public AccountChangesValidator() => Include(new AccountFieldsValidator());
    }
}
