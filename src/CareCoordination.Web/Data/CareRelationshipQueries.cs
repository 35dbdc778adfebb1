using CareCoordination.Core.Members;

namespace CareCoordination.Web.Data;

public static class CareRelationshipQueries
{
    /// <summary>The database form of <see cref="CareRelationship.IsActiveOn"/>.</summary>
    public static IQueryable<CareRelationship> ActiveOn(this IQueryable<CareRelationship> relationships, DateOnly day) =>
        relationships.Where(r => r.StartOn <= day && (r.EndOn == null || r.EndOn >= day));
}
