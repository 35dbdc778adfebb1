using Microsoft.AspNetCore.Identity;

namespace CareCoordination.Web.Identity;

public sealed class CareUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The directory entry a clinician signs in as; PCP and BH roles need one, care managers and admins do not.</summary>
    public int? ProviderId { get; set; }
}
