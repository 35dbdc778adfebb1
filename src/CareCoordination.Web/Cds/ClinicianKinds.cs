using CareCoordination.Core.Providers;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Data;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Cds;

/// <summary>
/// What kind of clinician a FHIR Practitioner or PractitionerRole is, as the rules need it: by NPI when the plan
/// knows the provider (its directory is the authority), else by NUCC taxonomy: a BH taxonomy (the shipped list), a
/// primary care one, or any other medical one. Null when neither says.
/// </summary>
public sealed class ClinicianKinds(CareDbContext db, BhProviderTaxonomy bhTaxonomy)
{
    /// <summary>Family medicine, internal medicine and general practice (every code under them) and pediatrics (exact).</summary>
    private static readonly string[] PrimaryCarePrefixes = ["207Q", "207R", "208D"];
    private const string Pediatrics = "208000000X";

    /// <summary>The kind of the current user, from the <c>user</c> prefetch. Null when the client had no data or nothing tells.</summary>
    public async Task<ProviderKind?> OfUserAsync(CdsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.Prefetch("user");
        switch (user.State)
        {
            case PrefetchState.Missing:
                throw CdsRequestException.PrefetchMissing("user");
            case PrefetchState.NoData:
                return null;
        }

        var resource = FhirReader.Read(user.Value, "prefetch.user");
        IReadOnlyList<Resource> people = resource switch
        {
            Practitioner or PractitionerRole => [resource],
            Bundle bundle => FhirReader.Entries(bundle, "prefetch.user", typeof(Practitioner), typeof(PractitionerRole)),
            _ => throw CdsRequestException.Invalid("prefetch.user must be a Practitioner, a PractitionerRole or a Bundle of them."),
        };
        return await OfAsync(people, cancellationToken);
    }

    public async Task<ProviderKind?> OfAsync(IEnumerable<Resource> people, CancellationToken cancellationToken)
    {
        var everyone = people.SelectMany(WithContained).ToList();
        foreach (var npi in everyone.SelectMany(NpisOf).Distinct())
        {
            if (await KnownKindAsync(npi, cancellationToken) is { } kind)
            {
                return kind;
            }
        }

        return OfTaxonomy(everyone.SelectMany(TaxonomyCodesOf));
    }

    /// <summary>The kind the plan's directory records for a provider with this NPI; null when it is not a plan provider.</summary>
    public async Task<ProviderKind?> KnownKindAsync(string npiText, CancellationToken cancellationToken) =>
        Npi.TryParse(npiText, out var npi)
            ? await db.Providers.AsNoTracking().Where(p => p.Npi == npi).Select(p => (ProviderKind?)p.Kind).FirstOrDefaultAsync(cancellationToken)
            : null;

    public ProviderKind? OfTaxonomy(IEnumerable<string> taxonomyCodes)
    {
        var codes = taxonomyCodes.Select(c => c.ToUpperInvariant()).ToList();
        if (codes.Count == 0)
        {
            return null;
        }

        // A clinician with any BH taxonomy (an addiction medicine family physician, say) is treated as BH.
        if (codes.Any(bhTaxonomy.IsBehavioralHealth))
        {
            return ProviderKind.BehavioralHealthPractitioner;
        }

        return codes.Any(c => c == Pediatrics || PrimaryCarePrefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal)))
            ? ProviderKind.PrimaryCarePhysician
            : ProviderKind.OtherMedicalProvider;
    }

    public static IEnumerable<string> NpisOf(Resource person) => person switch
    {
        Practitioner practitioner => practitioner.Identifier.IdentifierValues(FhirCodes.Npi),
        PractitionerRole role => role.Identifier.IdentifierValues(FhirCodes.Npi)
            .Concat(role.Practitioner?.Identifier is { } identifier ? new[] { identifier }.IdentifierValues(FhirCodes.Npi) : []),
        _ => [],
    };

    public static IEnumerable<string> TaxonomyCodesOf(Resource person) => person switch
    {
        Practitioner practitioner => practitioner.Qualification.Select(q => q.Code).CodesOf(FhirCodes.NuccTaxonomy),
        PractitionerRole role => role.Specialty.Concat(role.Code).CodesOf(FhirCodes.NuccTaxonomy),
        _ => [],
    };

    /// <summary>A PractitionerRole often carries its Practitioner as a contained resource.</summary>
    private static IEnumerable<Resource> WithContained(Resource person) =>
        person is DomainResource domain ? domain.Contained.Where(c => c is Practitioner or PractitionerRole).Prepend(person) : [person];
}
