using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>The code systems and identifier systems the CDS services read and write, and lookups over codings.</summary>
public static class FhirCodes
{
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string SnomedCt = "http://snomed.info/sct";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Loinc = "http://loinc.org";
    public const string Npi = "http://hl7.org/fhir/sid/us-npi";
    public const string NuccTaxonomy = "http://nucc.org/provider-taxonomy";

    /// <summary>Our rule ids (T1...T4, PCP-FINDING, BH-MEDICAL-FINDING) as card topics and task codes.</summary>
    public const string CoordinationRule = "urn:carecoordination:rule";

    /// <summary>Card topics that are not a rule (the member's releases of information).</summary>
    public const string CoordinationTopic = "urn:carecoordination:topic";

    /// <summary>The non-empty codes of <paramref name="system"/> in a concept, in order.</summary>
    public static IEnumerable<string> CodesOf(this CodeableConcept? concept, string system) =>
        concept is null
            ? []
            : concept.Coding.Where(c => string.Equals(c.System, system, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(c.Code))
                .Select(c => c.Code!.Trim());

    public static IEnumerable<string> CodesOf(this IEnumerable<CodeableConcept> concepts, string system) =>
        concepts.SelectMany(c => c.CodesOf(system));

    public static string? CodeOf(this CodeableConcept? concept, string system) => concept.CodesOf(system).FirstOrDefault();

    /// <summary>The words a clinician would read for a concept: its text, else the first display.</summary>
    public static string? TextOf(this CodeableConcept? concept) =>
        !string.IsNullOrWhiteSpace(concept?.Text)
            ? concept.Text.Trim()
            : concept?.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim();

    public static IEnumerable<string> IdentifierValues(this IEnumerable<Identifier> identifiers, string system) =>
        identifiers.Where(i => string.Equals(i.System, system, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(i.Value))
            .Select(i => i.Value!.Trim());
}
