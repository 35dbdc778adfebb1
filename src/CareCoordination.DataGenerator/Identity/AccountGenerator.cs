using Bogus;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Storage;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure.Demo;

namespace CareCoordination.DataGenerator.Identity;

internal sealed record Account(string Id, string Email, string DisplayName, string Role, int? ProviderId, string SecurityStamp, string ConcurrencyStamp);

/// <summary>Who signs in: the four bench accounts, the care managers, a login for every PCP and BH practitioner, administrators and the privacy office.</summary>
internal sealed class PlanAccounts(IReadOnlyList<(string Name, string Id, string ConcurrencyStamp)> roles, IReadOnlyList<Account> all, string?[] userOfProvider)
{
    public IReadOnlyList<(string Name, string Id, string ConcurrencyStamp)> Roles => roles;

    public IReadOnlyList<Account> All => all;

    public IReadOnlyList<Account> CareManagers { get; } = [.. all.Where(a => a.Role == CareRoles.CareManager)];

    public IReadOnlyList<Account> Administrators { get; } = [.. all.Where(a => a.Role == CareRoles.Admin)];

    public Account BenchCareManager => all[0];

    public Account BenchPcp => all[1];

    public Account BenchBhClinician => all[2];

    public Account BenchAdmin => all[3];

    /// <summary>The privacy office's account, who verified the plan's releases and reviews emergency grants.</summary>
    public Account PrivacyOfficer { get; } = all.First(a => a.Role == CareRoles.PrivacyOfficer);

    /// <summary>The login of a provider (PCPs and BH practitioners have one; other medical providers do not).</summary>
    public string? UserOf(int providerId) => userOfProvider[providerId];
}

internal static class AccountGenerator
{
    public const string BenchCareManager = "bench.cm@demo.test";
    public const string BenchPcp = "bench.pcp@demo.test";
    public const string BenchBhClinician = "bench.bh@demo.test";
    public const string BenchAdmin = "bench.admin@demo.test";

    /// <summary>The domain of every other generated login: cm0001@bench.demo.test, pcp0001@..., bh0001@..., admin0001@...</summary>
    public const string Domain = "bench.demo.test";

    public static PlanAccounts Generate(PlanSize size, PlanDirectory directory, int seed)
    {
        var random = Seeds.For(seed, "accounts");
        var faker = new Faker("en") { Random = new Randomizer(random.Next()) };
        var roles = CareRoles.All.Select(role => (role, random.NextGuid().ToString(), random.NextGuid().ToString())).ToList();
        var accounts = new List<Account>();
        var userOfProvider = new string?[directory.Providers.Count + 1];

        Account Add(string email, string displayName, string role, ProviderRow? provider)
        {
            var account = new Account(random.NextGuid().ToString(), email, displayName, role, provider?.Id,
                random.NextGuid().ToString(), random.NextGuid().ToString());
            accounts.Add(account);
            if (provider is not null)
            {
                userOfProvider[provider.Id] = account.Id;
            }

            return account;
        }

        string PersonName() => $"{faker.Name.FirstName()} {faker.Name.LastName()}";

        Add(BenchCareManager, PersonName(), CareRoles.CareManager, null);
        Add(BenchPcp, directory.BenchPcp.Salutation, CareRoles.Pcp, directory.BenchPcp);
        Add(BenchBhClinician, directory.BenchPsychiatrist.Salutation, CareRoles.BhClinician, directory.BenchPsychiatrist);
        Add(BenchAdmin, PersonName(), CareRoles.Admin, null);
        for (var i = 1; i < size.CareManagers; i++)
        {
            Add(Numbered("cm", i), PersonName(), CareRoles.CareManager, null);
        }

        for (var i = 1; i < directory.Pcps.Count; i++)
        {
            Add(Numbered("pcp", i), directory.Pcps[i].Salutation, CareRoles.Pcp, directory.Pcps[i]);
        }

        for (var i = 1; i < directory.Bh.Count; i++)
        {
            Add(Numbered("bh", i), directory.Bh[i].Salutation, CareRoles.BhClinician, directory.Bh[i]);
        }

        for (var i = 1; i < size.Administrators; i++)
        {
            Add(Numbered("admin", i), PersonName(), CareRoles.Admin, null);
        }

        Add(Numbered("privacy", 1), PersonName(), CareRoles.PrivacyOfficer, null);

        return new PlanAccounts(roles, accounts, userOfProvider);
    }

    public static void Write(BulkDatabase db, PlanAccounts accounts, int seed)
    {
        using (var roles = db.Table("AspNetRoles", accounts.Roles.Count, "Id", "Name", "NormalizedName", "ConcurrencyStamp"))
        {
            foreach (var (name, id, stamp) in accounts.Roles)
            {
                roles.Insert(id, name, name.ToUpperInvariant(), stamp);
            }
        }

        // PBKDF2 is slow on purpose: hash the demo password once, and share it.
        var passwordHash = PasswordHash.Create(DemoData.Password, Seeds.For(seed, "password"));
        using (var users = db.Table("AspNetUsers", accounts.All.Count,
            "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount", "DisplayName", "ProviderId"))
        {
            foreach (var a in accounts.All)
            {
                users.Insert(a.Id, a.Email, a.Email.ToUpperInvariant(), a.Email, a.Email.ToUpperInvariant(), true, passwordHash, a.SecurityStamp, a.ConcurrencyStamp,
                    null, false, false, null, true, 0, a.DisplayName, a.ProviderId);
            }
        }

        var roleIds = accounts.Roles.ToDictionary(r => r.Name, r => r.Id, StringComparer.Ordinal);
        using var userRoles = db.Table("AspNetUserRoles", accounts.All.Count, "UserId", "RoleId");
        foreach (var a in accounts.All)
        {
            userRoles.Insert(a.Id, roleIds[a.Role]);
        }
    }

    private static string Numbered(string prefix, int n) => $"{prefix}{n:D4}@{Domain}";
}
