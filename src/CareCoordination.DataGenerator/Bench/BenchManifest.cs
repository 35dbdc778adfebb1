using System.Globalization;
using System.Text.Json;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Coordination;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.Web.Infrastructure.Demo;

namespace CareCoordination.DataGenerator.Bench;

/// <summary>
/// What a benchmark needs to drive the generated plan, written beside the database as &lt;db&gt;.bench.json: who signs in,
/// which members have long timelines, what to search for, whom the bench psychiatrist can prescribe for, and how many
/// rows each table holds. Every member here is synthetic.
/// </summary>
public sealed record BenchManifest(
    int Members,
    int Seed,
    string AsOf,
    string PlanTimeZone,
    string Password,
    BenchAccounts Accounts,
    BenchProviders Providers,
    IReadOnlyList<BusyMember> BusyMembers,
    IReadOnlyList<PrescribingTarget> Prescribing,
    BenchSearches Search,
    OpenWork Queue,
    IReadOnlyDictionary<string, long> Counts)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchManifest? FromJson(string json) => JsonSerializer.Deserialize<BenchManifest>(json, Json);

    internal static BenchManifest Build(GeneratorOptions options, PlanDirectory directory, PlanAccounts accounts, PlanMembers members, PlanCare care,
        PlanHistory history, ClinicalCatalog catalog, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = Seeds.For(options.Seed, "bench-manifest");
        var panel = members.BenchPanel.Select(id => members[id]).ToList();
        var anyone = Enumerable.Range(0, 20).Select(_ => random.Pick(members.All)).DistinctBy(m => m.Id).ToList();
        var tasks = history.ByMember.SelectMany(m => m.Tasks).Select(t => t.Task).Where(t => !t.IsClosed).ToList();
        return new BenchManifest(
            options.Members,
            options.Seed,
            options.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PlanTime.ZoneId,
            DemoData.Password,
            new BenchAccounts(
                AccountGenerator.BenchCareManager, AccountGenerator.BenchPcp, AccountGenerator.BenchBhClinician, AccountGenerator.BenchAdmin,
                [.. accounts.CareManagers.Skip(1).Take(20).Select(a => a.Email)],
                [.. accounts.All.Where(a => a.Role == Web.Identity.CareRoles.Pcp).Skip(1).Take(20).Select(a => a.Email)],
                [.. accounts.All.Where(a => a.Role == Web.Identity.CareRoles.BhClinician).Skip(1).Take(20).Select(a => a.Email)]),
            new BenchProviders(directory.BenchPcp.Id, members.BenchPanel.Count, directory.BenchPsychiatrist.Id, care.BenchCaseload.Count),
            [.. care.BusyMembers.Select(id => new BusyMember(id, history.ByMember[id].Events.Count))],
            [.. care.BenchCaseload.Select(id => new PrescribingTarget(id,
                [.. catalog.Psychotropics.Select(r => r.Ingredient)
                    .Where(name => !care.ByMember[id].Psychotropics.Concat(care.ByMember[id].MedicalDrugs)
                        .Any(p => p.Regimen.Ingredient == name || p.Order.DrugName.StartsWith(name + " ", StringComparison.Ordinal)))
                    .OrderBy(_ => random.Next())]))],
            new BenchSearches(Searches(panel.OrderBy(_ => random.Next()).Take(10)), Searches(anyone)),
            new OpenWork(tasks.Count, tasks.Count(t => t.IsOverdueOn(options.AsOf)), tasks.Count(t => t.AssigneeUserId is null),
                tasks.Count(t => t.AssigneeUserId == accounts.BenchCareManager.Id), [.. directory.Ppgs.Select(p => p.Id)]),
            counts);
    }

    private static SearchTerms Searches(IEnumerable<MemberRow> members)
    {
        var list = members.ToList();
        return new SearchTerms(
            [.. list.Select(m => m.PlanMemberId)],
            [.. list.Select(m => m.FamilyName[..Math.Min(3, m.FamilyName.Length)]).Distinct()],
            [.. list.Select(m => m.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct()]);
    }
}

/// <summary>The bench sign-ins (all with the demo password), and more of each role for a mixed load.</summary>
public sealed record BenchAccounts(string CareManager, string Pcp, string BhClinician, string Admin,
    IReadOnlyList<string> MoreCareManagers, IReadOnlyList<string> MorePcps, IReadOnlyList<string> MoreBhClinicians);

public sealed record BenchProviders(int PcpProviderId, int PcpPanelSize, int PsychiatristProviderId, int PsychiatristActiveCaseload);

/// <summary>A member with a long timeline, visible to bench.pcp (panel), bench.bh (caseload) and bench.cm.</summary>
public sealed record BusyMember(int MemberId, int Events);

/// <summary>A member bench.bh treats, and every psychotropic not on their open list, medical drugs included (a start of any of them is not refused as a duplicate): each pair can be started once.</summary>
public sealed record PrescribingTarget(int MemberId, IReadOnlyList<string> DrugsNotOnList);

/// <summary>Search terms: for bench.pcp (members of the panel) and for bench.cm (anyone).</summary>
public sealed record BenchSearches(SearchTerms Pcp, SearchTerms CareManager);

public sealed record SearchTerms(IReadOnlyList<string> PlanMemberIds, IReadOnlyList<string> NamePrefixes, IReadOnlyList<string> DatesOfBirth);

/// <summary>The open queue as of the as-of day: how much there is to page through and filter.</summary>
public sealed record OpenWork(int OpenTasks, int Overdue, int Unassigned, int AssignedToBenchCareManager, IReadOnlyList<int> PpgIds);
