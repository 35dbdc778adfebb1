using CareCoordination.Core.Providers;

namespace CareCoordination.DataGenerator.Providers;

internal sealed record PpgRow(int Id, string Name, string Phone, string Fax, Guid Version);

internal sealed record ProviderRow(int Id, string Npi, string GivenName, string FamilyName, string Credentials, ProviderKind Kind,
    BhDiscipline? Discipline, bool CanPrescribe, int? PpgId, string Phone, string Fax, string SecureEmail, Guid Version, bool IsPart2Program = false)
{
    public string DisplayName => $"{GivenName} {FamilyName}, {Credentials}";

    /// <summary>How colleagues address them: "Dr." for physicians and doctoral psychologists.</summary>
    public string Salutation => Credentials is "MD" or "DO" or "PhD" or "PsyD" ? $"Dr. {GivenName} {FamilyName}" : $"{GivenName} {FamilyName}";
}

/// <summary>The plan's physician groups and providers. Ids run from 1 in list order; the first PCP and the first BH practitioner are the bench's.</summary>
internal sealed class PlanDirectory
{
    public PlanDirectory(IReadOnlyList<PpgRow> ppgs, IReadOnlyList<ProviderRow> providers)
    {
        Ppgs = ppgs;
        Providers = providers;
        Pcps = [.. providers.Where(p => p.Kind == ProviderKind.PrimaryCarePhysician)];
        OtherMedical = [.. providers.Where(p => p.Kind == ProviderKind.OtherMedicalProvider)];
        Bh = [.. providers.Where(p => p.Kind == ProviderKind.BehavioralHealthPractitioner)];
        Prescribers = [.. Bh.Where(p => p.CanPrescribe)];
        Therapists = [.. Bh.Where(p => p.Discipline is not (BhDiscipline.Psychiatrist or BhDiscipline.PsychiatricNursePractitioner))];
    }

    public IReadOnlyList<PpgRow> Ppgs { get; }

    public IReadOnlyList<ProviderRow> Providers { get; }

    public IReadOnlyList<ProviderRow> Pcps { get; }

    public IReadOnlyList<ProviderRow> OtherMedical { get; }

    public IReadOnlyList<ProviderRow> Bh { get; }

    /// <summary>BH practitioners with prescriptive authority.</summary>
    public IReadOnlyList<ProviderRow> Prescribers { get; }

    /// <summary>BH practitioners who treat with therapy (psychologists, social workers, counselors, therapists).</summary>
    public IReadOnlyList<ProviderRow> Therapists { get; }

    public ProviderRow BenchPcp => Pcps[0];

    public ProviderRow BenchPsychiatrist => Bh[0];

    public ProviderRow this[int id] => Providers[id - 1];
}
