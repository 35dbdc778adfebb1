using CareCoordination.Core.Providers;
using CareCoordination.Web.Identity;

namespace CareCoordination.Web.Pages.Admin.Users;

/// <summary>
/// The roles an account can hold, and which of them sign in as a directory entry: a PCP as a primary care physician, a BH
/// clinician as a behavioral health practitioner. That link decides whose records the clinician sees.
/// </summary>
public static class AccountRoles
{
    public static ProviderKind? ProviderKindFor(string? role) => role switch
    {
        CareRoles.Pcp => ProviderKind.PrimaryCarePhysician,
        CareRoles.BhClinician => ProviderKind.BehavioralHealthPractitioner,
        _ => null,
    };

    public static string Label(string role) => role switch
    {
        CareRoles.Pcp => "PCP",
        CareRoles.BhClinician => "BH clinician",
        CareRoles.CareManager => "Care manager",
        CareRoles.Admin => "Administrator",
        _ => role,
    };
}
