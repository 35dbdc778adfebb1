using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Pages.Admin.Users;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Providers;

/// <summary>A directory entry as the new and edit pages enter it.</summary>
public sealed class ProviderInput
{
    /// <summary>The form key for kind, discipline and prescribing problems, shown beneath those three fields.</summary>
    public const string Profile = nameof(Profile);

    public string? Npi { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public string? Credentials { get; set; }

    public ProviderKind? Kind { get; set; }

    public BhDiscipline? Discipline { get; set; }

    public bool CanPrescribe { get; set; }

    /// <summary>The plan's determination that the provider is a 42 CFR Part 2 program (2.11, 2.12).</summary>
    public bool IsPart2Program { get; set; }

    public int? PpgId { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? SecureEmail { get; set; }

    public Npi ParsedNpi => Core.Providers.Npi.Parse(Npi!);

    public static ProviderInput From(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return new()
        {
            Npi = provider.Npi.Value,
            GivenName = provider.GivenName,
            FamilyName = provider.FamilyName,
            Credentials = provider.Credentials,
            Kind = provider.Kind,
            Discipline = provider.Discipline,
            CanPrescribe = provider.CanPrescribe,
            IsPart2Program = provider.IsPart2Program,
            PpgId = provider.PpgId,
            Phone = provider.Phone,
            Fax = provider.Fax,
            SecureEmail = provider.SecureEmail,
        };
    }

    /// <summary>The fields as a person reads them, to compare two versions; groups are named from <paramref name="groups"/>.</summary>
    public IEnumerable<(string Label, string? Value)> Described(IReadOnlyList<(int Id, string Name)> groups) =>
    [
        ("NPI", Npi), ("Given name", GivenName), ("Family name", FamilyName), ("Credentials", Credentials),
        ("Kind", Kind?.ToString()), ("Discipline", Discipline?.ToString()), ("Can prescribe", CanPrescribe ? "Yes" : "No"),
        ("42 CFR Part 2 program", IsPart2Program ? "Yes" : "No"),
        ("Group", groups.FirstOrDefault(g => g.Id == PpgId).Name), ("Phone", Phone), ("Fax", Fax), ("Secure email", SecureEmail),
    ];

    public Provider ToNewProvider()
    {
        var provider = new Provider { Npi = ParsedNpi, GivenName = "", FamilyName = "" };
        ApplyTo(provider);
        return provider;
    }

    public void ApplyTo(Provider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        provider.Npi = ParsedNpi;
        provider.GivenName = GivenName!.Trim();
        provider.FamilyName = FamilyName!.Trim();
        provider.Credentials = DirectoryRules.Trimmed(Credentials);
        provider.Kind = Kind!.Value;
        provider.Discipline = Discipline;
        provider.CanPrescribe = CanPrescribe;
        provider.IsPart2Program = IsPart2Program;
        provider.PpgId = PpgId;
        provider.Phone = DirectoryRules.NormalizedPhone(Phone);
        provider.Fax = DirectoryRules.NormalizedPhone(Fax);
        provider.SecureEmail = DirectoryRules.Trimmed(SecureEmail);
    }

    /// <summary>Checks against the rest of the directory: each as (field, message).</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> DirectoryProblemsAsync(CareDbContext db, int? providerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var problems = new List<(string, string)>();
        var npi = ParsedNpi;
        var holder = await db.Providers.AsNoTracking().Where(p => p.Npi == npi && p.Id != providerId)
            .Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            problems.Add((nameof(Npi), $"NPI {npi.Value} already belongs to {holder}. Each provider has one NPI: edit that provider instead."));
        }

        if (PpgId is { } ppgId && !await db.Ppgs.AnyAsync(g => g.Id == ppgId, cancellationToken))
        {
            problems.Add((nameof(PpgId), "Choose a group from the list."));
        }

        if (providerId is not null)
        {
            var account = await db.Users.AsNoTracking().Where(u => u.ProviderId == providerId)
                .Select(u => new { u.Email, Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, role) => role.Name).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (account is not null && AccountRoles.ProviderKindFor(account.Role) is { } needed && needed != Kind)
            {
                problems.Add((nameof(Kind), $"{account.Email} signs in as this provider with the {AccountRoles.Label(account.Role!)} role, which needs a {needed.Label().ToLowerInvariant()}. Change that account first."));
            }
        }

        return problems;
    }
}

public sealed class ProviderInputValidator : AbstractValidator<ProviderInput>
{
    public ProviderInputValidator()
    {
        RuleFor(p => p.Npi).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the provider's 10-digit NPI.")
            .Must(npi => npi!.Trim().Length == 10 && npi.Trim().All(char.IsAsciiDigit)).WithMessage("An NPI is exactly 10 digits.")
            .Must(Npi.IsValid).WithMessage("This NPI's check digit does not match: look for a mistyped digit.");
        RuleFor(p => p.GivenName).NotEmpty().WithMessage("Enter the given name.")
            .MustHaveVisibleText("given name")
            .MaximumLength(100).WithMessage("A given name is at most 100 characters.");
        RuleFor(p => p.FamilyName).NotEmpty().WithMessage("Enter the family name.")
            .MustHaveVisibleText("family name")
            .MaximumLength(100).WithMessage("A family name is at most 100 characters.");
        RuleFor(p => p.Credentials).MustHaveVisibleText("credentials")
            .MaximumLength(40).WithMessage("Credentials are at most 40 characters, like MD or LCSW.");
        RuleFor(p => p.Kind).NotNull().WithMessage("Choose the kind of provider.").IsInEnum();
        RuleFor(p => p.Discipline).IsInEnum();
        RuleFor(p => p).Custom((input, context) =>
        {
            if (input.Kind is { } kind && Provider.ProfileProblems(kind, input.Discipline, input.CanPrescribe) is { Count: > 0 } problems)
            {
                context.AddFailure(ProviderInput.Profile, string.Join(" ", problems));
            }
        });
        RuleFor(p => p.Phone).IsNorthAmericanPhone("phone number");
        RuleFor(p => p.Fax).IsNorthAmericanPhone("fax number");
        RuleFor(p => p.SecureEmail).EmailAddress().WithMessage("Enter a secure email address like name@direct.clinic.org.")
            .MaximumLength(254).WithMessage("An email address is at most 254 characters.");
    }
}
