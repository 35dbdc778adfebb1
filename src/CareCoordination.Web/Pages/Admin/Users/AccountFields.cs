using System.Globalization;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Users;

/// <summary>What the new and edit account pages both set: the name shown, the one role, and the provider signed in as.</summary>
public interface IAccountFields
{
    string? DisplayName { get; }

    string? Role { get; }

    int? ProviderId { get; }
}

public sealed class AccountFieldsValidator : AbstractValidator<IAccountFields>
{
    public AccountFieldsValidator()
    {
        RuleFor(a => a.DisplayName).NotEmpty().WithMessage("Enter the name to show for this person, like Dr. Maya Okafor.")
            .MustHaveVisibleText("display name")
            .MaximumLength(100).WithMessage("A display name is at most 100 characters.");
        RuleFor(a => a.Role).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose a role.")
            .Must(role => CareRoles.All.Contains(role!)).WithMessage("Choose a role from the list.");
        RuleFor(a => a.ProviderId).NotNull()
            .WithMessage(a => $"A {AccountRoles.Label(a.Role!)} signs in as a {AccountRoles.ProviderKindFor(a.Role)!.Value.Label().ToLowerInvariant()}: choose which.")
            .When(a => AccountRoles.ProviderKindFor(a.Role) is not null);
        RuleFor(a => a.ProviderId).Null()
            .WithMessage(a => $"{AccountRoles.Label(a.Role!)} accounts are not linked to a provider: choose “No provider”.")
            .When(a => a.Role is CareRoles.CareManager or CareRoles.Admin);
    }
}

/// <summary>Whether the chosen provider fits the role and is free: each provider signs in through at most one account.</summary>
public static class ProviderLinks
{
    public static async Task<string?> ProblemAsync(CareDbContext db, IAccountFields account, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(account);
        if (account.ProviderId is not { } providerId || AccountRoles.ProviderKindFor(account.Role) is not { } needed)
        {
            return null;
        }

        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => new { p.Kind, Name = p.GivenName + " " + p.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (provider is null)
        {
            return "Choose a provider from the list.";
        }

        if (provider.Kind != needed)
        {
            return $"{provider.Name} is a {provider.Kind.Label().ToLowerInvariant()}; a {AccountRoles.Label(account.Role!)} account needs a {needed.Label().ToLowerInvariant()}.";
        }

        var holder = await db.Users.AsNoTracking().Where(u => u.ProviderId == providerId && u.Id != userId)
            .Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : $"{provider.Name} already signs in as {holder}. A provider has one account.";
    }

    /// <summary>The PCPs and BH practitioners an account can sign in as, grouped by kind and sorted by name.</summary>
    public static async Task<IReadOnlyList<Choice>> ChoicesAsync(CareDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Providers.AsNoTracking()
            .Where(p => p.Kind == ProviderKind.PrimaryCarePhysician || p.Kind == ProviderKind.BehavioralHealthPractitioner)
            .OrderBy(p => p.Kind).ThenBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new Choice(p.Id, p.FamilyName + ", " + p.GivenName + (p.Credentials == null ? "" : ", " + p.Credentials), p.Kind,
                db.Users.Where(u => u.ProviderId == p.Id).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The choices as a drop-down's options, one group per kind, each naming the account already linked to it.</summary>
    public static IReadOnlyList<SelectListItem> Options(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var groups = new[] { ProviderKind.PrimaryCarePhysician, ProviderKind.BehavioralHealthPractitioner }
            .ToDictionary(kind => kind, kind => new SelectListGroup { Name = kind.Label() });
        return [.. choices.OrderBy(c => c.Kind != ProviderKind.PrimaryCarePhysician).Select(c => new SelectListItem(
            c.Account is null ? c.Name : $"{c.Name} (signs in as {c.Account})", c.Id.ToString(CultureInfo.InvariantCulture)) { Group = groups[c.Kind] })];
    }

    public sealed record Choice(int Id, string Name, ProviderKind Kind, string? Account);
}
