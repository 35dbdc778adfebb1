using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareCoordination.Web.Identity;

public static class CarePolicies
{
    /// <summary>Roles that work with members' clinical records (which records, <see cref="MemberAccess"/> decides).</summary>
    public const string ClinicalRecords = nameof(ClinicalRecords);

    /// <summary>Providers who can be the recipient of protected content: PCPs and BH clinicians.</summary>
    public const string Clinicians = nameof(Clinicians);

    public static IServiceCollection AddCareIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<CareUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                // Accounts are created by administrators, not by self-registration.
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<Data.CareDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CareUserClaimsFactory>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "CareCoordination.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnValidatePrincipal = SessionStampCheck.ValidateAsync;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ClinicalRecords, policy => policy.RequireRole(CareRoles.Clinical))
            .AddPolicy(Clinicians, policy => policy.RequireRole(CareRoles.Pcp, CareRoles.BhClinician))
            .AddPolicy(CareRoles.Pcp, policy => policy.RequireRole(CareRoles.Pcp))
            .AddPolicy(CareRoles.BhClinician, policy => policy.RequireRole(CareRoles.BhClinician))
            .AddPolicy(CareRoles.CareManager, policy => policy.RequireRole(CareRoles.CareManager))
            .AddPolicy(CareRoles.Admin, policy => policy.RequireRole(CareRoles.Admin));
        return services;
    }
}
