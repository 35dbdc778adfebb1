using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>Resolves references within what the request carries: contained resources and the entries of its Bundles.</summary>
public static class FhirReferences
{
    public static Resource? Resolve(ResourceReference? reference, DomainResource owner, IEnumerable<Resource> alongside)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var target = reference?.Reference;
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        if (target.StartsWith('#'))
        {
            return owner.Contained.FirstOrDefault(r => r.Id == target[1..]);
        }

        // "Practitioner/123", or an absolute URL ending in it.
        return alongside.FirstOrDefault(r => r.Id is not null && IsReferenceTo(target, r.TypeName, r.Id));
    }

    /// <summary>Whether a reference (relative or absolute, maybe versioned) points at <paramref name="type"/>/<paramref name="id"/>.</summary>
    public static bool IsReferenceTo(string? reference, string type, string id)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return false;
        }

        var path = reference.Split("/_history/", 2)[0].TrimEnd('/');
        var relative = $"{type}/{id}";
        return path == relative || path.EndsWith("/" + relative, StringComparison.Ordinal);
    }
}
