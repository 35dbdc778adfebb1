namespace CareCoordination.Core.Providers;

public sealed class Provider
{
    public int Id { get; private set; }

    /// <summary>Changes with every edit, so an edit made from a page opened before another one is caught, not silently lost.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Records that the provider was edited.</summary>
    public void MarkEdited() => Version = Guid.NewGuid();

    public required Npi Npi { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    /// <summary>Degree or licence letters shown after the name, e.g. "MD" or "LCSW".</summary>
    public string? Credentials { get; set; }

    public ProviderKind Kind { get; set; }

    /// <summary>Set only for behavioral health practitioners.</summary>
    public BhDiscipline? Discipline { get; set; }

    public bool CanPrescribe { get; set; }

    public int? PpgId { get; set; }

    public ParticipatingPhysicianGroup? Ppg { get; private set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? SecureEmail { get; set; }

    /// <summary>
    /// The plan's directory says this provider is a federally assisted program holding itself out as providing SUD
    /// treatment (42 CFR 2.11, 2.12): what its clinicians record is Part 2 information. The plan decides which are.
    /// </summary>
    public bool IsPart2Program { get; set; }

    public string DisplayName => Credentials is null ? $"{GivenName} {FamilyName}" : $"{GivenName} {FamilyName}, {Credentials}";

    public bool IsBehavioralHealth => Kind == ProviderKind.BehavioralHealthPractitioner;

    /// <summary>What is wrong with this provider's kind, discipline and prescribing facts taken together; empty when consistent.</summary>
    public IReadOnlyList<string> ProfileProblems() => ProfileProblems(Kind, Discipline, CanPrescribe);

    /// <summary>The same check before there is a provider: for a form, say, whose NPI may not be valid yet.</summary>
    public static IReadOnlyList<string> ProfileProblems(ProviderKind kind, BhDiscipline? discipline, bool canPrescribe)
    {
        var problems = new List<string>();
        var isBehavioralHealth = kind == ProviderKind.BehavioralHealthPractitioner;
        if (isBehavioralHealth && discipline is null)
        {
            problems.Add("A behavioral health practitioner needs a discipline.");
        }

        if (!isBehavioralHealth && discipline is not null)
        {
            problems.Add("Only behavioral health practitioners have a BH discipline.");
        }

        if (canPrescribe && discipline is { } bhDiscipline && !bhDiscipline.MayHoldPrescriptiveAuthority())
        {
            problems.Add($"A {bhDiscipline.Label().ToLowerInvariant()} cannot hold prescriptive authority.");
        }

        return problems;
    }
}
