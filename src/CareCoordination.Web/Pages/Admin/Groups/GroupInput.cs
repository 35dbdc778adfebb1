using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Groups;

/// <summary>A participating physician group as the new and edit pages enter it.</summary>
public sealed class GroupInput
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string TrimmedName => Name?.Trim() ?? "";

    public static GroupInput From(ParticipatingPhysicianGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new() { Name = group.Name, Phone = group.Phone, Fax = group.Fax };
    }

    /// <summary>The fields as a person reads them, to compare two versions.</summary>
    public IEnumerable<(string Label, string? Value)> Described() => [("Name", Name), ("Phone", Phone), ("Fax", Fax)];

    public void ApplyTo(ParticipatingPhysicianGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.Name = TrimmedName;
        group.Phone = DirectoryRules.NormalizedPhone(Phone);
        group.Fax = DirectoryRules.NormalizedPhone(Fax);
    }

    /// <summary>The message for a name another group already has (ignoring case), or null when it is free.</summary>
    public async Task<string?> NameConflictAsync(CareDbContext db, int? exceptGroupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A plan has tens of groups, so comparing here keeps "ignoring case" the same on every database engine.
        var others = await db.Ppgs.AsNoTracking().Where(g => g.Id != exceptGroupId).Select(g => g.Name).ToListAsync(cancellationToken);
        return others.Contains(TrimmedName, StringComparer.OrdinalIgnoreCase) ? $"A group named “{TrimmedName}” is already in the directory. Choose another name, or edit that group." : null;
    }
}

public sealed class GroupInputValidator : AbstractValidator<GroupInput>
{
    public GroupInputValidator()
    {
        RuleFor(g => g.Name).NotEmpty().WithMessage("Enter the group's name.")
            .MustHaveVisibleText("group's name")
            .MaximumLength(200).WithMessage("A group name is at most 200 characters.");
        RuleFor(g => g.Phone).IsNorthAmericanPhone("phone number");
        RuleFor(g => g.Fax).IsNorthAmericanPhone("fax number");
    }
}
