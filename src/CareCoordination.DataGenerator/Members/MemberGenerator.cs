using System.Globalization;
using Bogus;
using CareCoordination.Core.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator.Members;

/// <summary>
/// Members of every age (a Medicaid-like mix: a quarter children, an eighth over 65), nearly all with a PCP whose panel
/// size varies widely; the bench PCP's panel is a random sample of the plan. About four in ten members have a behavioral
/// health story, by age: ADHD and anxiety in children, depression, anxiety, substance use and serious mental illness in
/// adults, depression and dementia in older members.
/// </summary>
internal static class MemberGenerator
{
    private static readonly Weighted<(int From, int To)> AgeBands = new([((0, 17), 26), ((18, 44), 37), ((45, 64), 25), ((65, 92), 12)]);

    private static readonly Weighted<AdministrativeSex> Sexes = new([
        (AdministrativeSex.Female, 51), (AdministrativeSex.Male, 48), (AdministrativeSex.Other, 0.5), (AdministrativeSex.Unknown, 0.5)]);

    private static readonly Weighted<BhProfile> ChildProfiles = new([
        (BhProfile.None, 70), (BhProfile.Adhd, 9), (BhProfile.Anxiety, 7), (BhProfile.Depression, 5), (BhProfile.Trauma, 4),
        (BhProfile.Neurodevelopmental, 4), (BhProfile.EatingDisorder, 1)]);

    private static readonly Weighted<BhProfile> AdultProfiles = new([
        (BhProfile.None, 52), (BhProfile.Depression, 14), (BhProfile.Anxiety, 11), (BhProfile.Bipolar, 4), (BhProfile.Psychotic, 3),
        (BhProfile.AlcoholUse, 5), (BhProfile.OpioidUse, 3), (BhProfile.OtherSubstanceUse, 2), (BhProfile.Trauma, 4), (BhProfile.Adhd, 2),
        (BhProfile.EatingDisorder, 0.5)]);

    private static readonly Weighted<BhProfile> OlderProfiles = new([
        (BhProfile.None, 62), (BhProfile.Depression, 14), (BhProfile.Anxiety, 9), (BhProfile.Dementia, 10), (BhProfile.Bipolar, 2),
        (BhProfile.Psychotic, 1), (BhProfile.AlcoholUse, 2)]);

    public static PlanMembers Generate(PlanSize size, PlanDirectory directory, DateOnly asOf, int seed)
    {
        var random = Seeds.For(seed, "members");
        var faker = new Faker("en") { Random = new Randomizer(random.Next()) };

        var benchPanel = new HashSet<int>(Enumerable.Range(1, size.Members).OrderBy(_ => random.Next()).Take(size.BenchPanel));
        // Panel sizes vary a lot between PCPs: a log-normal weight each.
        var otherPcps = new Weighted<ProviderRow>(directory.Pcps.Skip(1).Select(p => (p, Math.Exp(0.45 * random.NextGaussian()))));

        var members = new List<MemberRow>(size.Members);
        for (var id = 1; id <= size.Members; id++)
        {
            var sex = Sexes.Next(random);
            var (from, to) = AgeBands.Next(random);
            var dateOfBirth = asOf.AddYears(-random.Next(from, to + 1)).AddDays(-random.Next(1, 366));
            var enrolled = asOf.AddDays(-random.Next(20, 3000));
            var pcp = benchPanel.Contains(id) ? directory.BenchPcp : random.Chance(0.04) ? null : otherPcps.Next(random);
            var given = sex switch
            {
                AdministrativeSex.Female => faker.Name.FirstName(Bogus.DataSets.Name.Gender.Female),
                AdministrativeSex.Male => faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male),
                _ => faker.Name.FirstName(),
            };
            var member = new MemberRow
            {
                Id = id,
                PlanMemberId = PlanMemberId(id),
                GivenName = given,
                FamilyName = faker.Name.LastName(),
                DateOfBirth = dateOfBirth,
                Sex = sex,
                Phone = random.Chance(0.9) ? DirectoryGenerator.Phone(random) : null,
                PpgId = pcp?.PpgId ?? random.Pick(directory.Ppgs).Id,
                PcpId = pcp?.Id,
                EnrollmentDate = enrolled < dateOfBirth ? dateOfBirth : enrolled,
            };
            var age = member.AgeOn(asOf);
            member.Profile = (age < 18 ? ChildProfiles : age < 65 ? AdultProfiles : OlderProfiles).Next(random);
            members.Add(member);
        }

        return new PlanMembers(members, [.. benchPanel.Order()]);
    }

    public static void Write(BulkDatabase db, PlanMembers members)
    {
        using var table = db.Table("Members", members.All.Count,
            "Id", "PlanMemberId", "GivenName", "FamilyName", "DateOfBirth", "Sex", "Phone", "PpgId", "PcpId", "EnrollmentDate");
        foreach (var m in members.All)
        {
            table.Insert(m.Id, m.PlanMemberId, m.GivenName, m.FamilyName, m.DateOfBirth, m.Sex.ToString(), m.Phone, m.PpgId, m.PcpId, m.EnrollmentDate);
        }
    }

    /// <summary>"M" and eight digits, unique per member and not in id order (7,919 is prime to 90,000,000).</summary>
    private static string PlanMemberId(int id) =>
        "M" + (10_000_000L + (((id * 7_919L) + 1_234_567L) % 90_000_000L)).ToString("D8", CultureInfo.InvariantCulture);
}
