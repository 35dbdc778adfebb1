using System.Globalization;
using Bogus;
using CareCoordination.Core.Providers;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator.Providers;

/// <summary>
/// Physician groups named after (invented) towns, PCPs and other medical providers in them, and BH practitioners of every
/// discipline, a quarter of them in a group. NPIs are valid (Luhn check digit) and unique; phones are 555 numbers.
/// </summary>
internal static class DirectoryGenerator
{
    private static readonly string[] GroupSuffixes = ["Medical Group", "Physicians", "Health Partners", "Primary Care Associates", "Family Medicine", "Community Clinics", "Medical Associates", "Physician Network"];

    private static readonly Weighted<string> PcpCredentials = new([("MD", 70), ("DO", 30)]);
    private static readonly Weighted<string> SpecialistCredentials = new([("MD", 60), ("DO", 15), ("NP", 15), ("PA-C", 10)]);

    private static readonly Weighted<BhDiscipline> Disciplines = new([
        (BhDiscipline.Psychiatrist, 14), (BhDiscipline.PsychiatricNursePractitioner, 12), (BhDiscipline.Psychologist, 15),
        (BhDiscipline.ClinicalSocialWorker, 25), (BhDiscipline.MarriageAndFamilyTherapist, 12), (BhDiscipline.ProfessionalCounselor, 16),
        (BhDiscipline.AddictionCounselor, 6)]);

    public static PlanDirectory Generate(PlanSize size, int seed)
    {
        var random = Seeds.For(seed, "directory");
        var faker = new Faker("en") { Random = new Randomizer(random.Next()) };

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ppgs = new List<PpgRow>(size.Ppgs);
        while (ppgs.Count < size.Ppgs)
        {
            var name = $"{faker.Address.City()} {random.Pick(GroupSuffixes)}";
            if (names.Add(name))
            {
                ppgs.Add(new PpgRow(ppgs.Count + 1, name, Phone(random), Phone(random), random.NextGuid()));
            }
        }

        var providers = new List<ProviderRow>(size.Providers);
        ProviderRow Add(ProviderKind kind, BhDiscipline? discipline, string credentials, bool canPrescribe, PpgRow? ppg)
        {
            var id = providers.Count + 1;
            var (given, family) = (faker.Name.FirstName(), faker.Name.LastName());
            var domain = ppg is null ? "bh-network" : Slug(ppg.Name);
            var provider = new ProviderRow(id, NpiFor(id), given, family, credentials, kind, discipline, canPrescribe, ppg?.Id,
                Phone(random), Phone(random), $"{Slug(given)}.{Slug(family)}{id}@direct.{domain}.test", random.NextGuid());
            providers.Add(provider);
            return provider;
        }

        for (var i = 0; i < size.Pcps; i++)
        {
            Add(ProviderKind.PrimaryCarePhysician, null, PcpCredentials.Next(random), canPrescribe: true, random.Pick(ppgs));
        }

        for (var i = 0; i < size.OtherMedicalProviders; i++)
        {
            Add(ProviderKind.OtherMedicalProvider, null, SpecialistCredentials.Next(random), canPrescribe: true, random.Pick(ppgs));
        }

        // The bench psychiatrist first, and a prescriber and a therapist besides however small the plan; then the rest of the network.
        Add(ProviderKind.BehavioralHealthPractitioner, BhDiscipline.Psychiatrist, "MD", canPrescribe: true, ppg: null);
        for (var i = 1; i < size.BhPractitioners; i++)
        {
            var discipline = i switch
            {
                1 => BhDiscipline.PsychiatricNursePractitioner,
                2 => BhDiscipline.ClinicalSocialWorker,
                _ => Disciplines.Next(random),
            };
            var (credentials, prescribes) = discipline switch
            {
                BhDiscipline.Psychiatrist => (random.Chance(0.8) ? "MD" : "DO", true),
                BhDiscipline.PsychiatricNursePractitioner => ("PMHNP-BC", true),
                BhDiscipline.Psychologist => (random.Chance(0.5) ? "PhD" : "PsyD", random.Chance(0.05)),
                BhDiscipline.ClinicalSocialWorker => ("LCSW", false),
                BhDiscipline.MarriageAndFamilyTherapist => ("LMFT", false),
                BhDiscipline.ProfessionalCounselor => ("LPC", false),
                _ => ("CADC", false),
            };
            Add(ProviderKind.BehavioralHealthPractitioner, discipline, credentials, prescribes, random.Chance(0.25) ? random.Pick(ppgs) : null);
        }

        return new PlanDirectory(ppgs, providers);
    }

    public static void Write(BulkDatabase db, PlanDirectory directory)
    {
        using (var ppgs = db.Table("ParticipatingPhysicianGroups", directory.Ppgs.Count, "Id", "Name", "Phone", "Fax", "Version"))
        {
            foreach (var g in directory.Ppgs)
            {
                ppgs.Insert(g.Id, g.Name, g.Phone, g.Fax, g.Version);
            }
        }

        using var providers = db.Table("Providers", directory.Providers.Count,
            "Id", "Npi", "GivenName", "FamilyName", "Credentials", "Kind", "Discipline", "CanPrescribe", "PpgId", "Phone", "Fax", "SecureEmail", "Version", "IsPart2Program");
        foreach (var p in directory.Providers)
        {
            providers.Insert(p.Id, p.Npi, p.GivenName, p.FamilyName, p.Credentials, p.Kind.ToString(), p.Discipline?.ToString(), p.CanPrescribe,
                p.PpgId, p.Phone, p.Fax, p.SecureEmail, p.Version, p.IsPart2Program);
        }
    }

    /// <summary>A unique, valid NPI per provider: 1, eight digits that differ for every id, and the check digit.</summary>
    private static string NpiFor(int id)
    {
        var nine = "1" + ((12_345_678L + (id * 7_919L)) % 100_000_000L).ToString("D8", CultureInfo.InvariantCulture);
        return nine + Npi.CheckDigitFor(nine);
    }

    internal static string Phone(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"(555) 0{random.Next(10, 100)}-{random.Next(1000, 10000)}");

    /// <summary>Lower-case letters only, for e-mail addresses.</summary>
    internal static string Slug(string text) => string.Concat(text.Where(char.IsAsciiLetter)).ToLowerInvariant();
}
