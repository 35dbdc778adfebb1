using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareCoordination.Web.Identity;

public static class CarePolicies
{
    /// <summary>Roles that work with members' clinical records (which records, <see cref="MemberAccess"/> decides).</summary>
    public const string ClinicalRecords = nameof(ClinicalRecords);

    /// <summary>Providers who can be the recipient of protected content: PCPs and BH clinicians.</summary>
    public const string Clinicians = nameof(Clinicians);

    /// <summary>Roles that see and record members' releases: the clinical roles for members in their care, the privacy office for all.</summary>
    public const string ReleaseForms = nameof(ReleaseForms);

    /// <summary>Care managers and their supervisors (administrators) read the coordination reports.</summary>
    public const string Reports = nameof(Reports);

    public static IServiceCollection AddCareIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddIdentity<CareUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                // High enough that a burst cannot lock someone out: SignInThrottle spaces attempts out first, so the
                // 20th needs about 48 minutes of guessing. Wrong codes at the second step count here too.
                options.Lockout.MaxFailedAccessAttempts = 20;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                // Accounts are created by administrators, not by self-registration.
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<Data.CareDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddUserManager<CareUserManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<CareUserClaimsFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<UsedAuthenticatorCodes>();
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<CareSignInOptions>()
            .Configure(options => options.AdminsMustUseTwoFactor = !environment.IsDevelopment())
            .BindConfiguration(CareSignInOptions.Section);
        services.Configure<MvcOptions>(options => options.Filters.Add<AdministratorsUseTwoFactor>());

        var securePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "CareCoordination.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnSigningIn = SessionLifetime.MarkSignInAsync;
            options.Events.OnValidatePrincipal = SessionCheckFailure.Guard(async context =>
            {
                if (await SessionLifetime.ValidateAsync(context))
                {
                    await SessionStampCheck.ValidateAsync(context);
                }
            });
        });
        // Identity's other cookies: the half-signed-in one between password and code, and the unused remember-this-device
        // and external-login ones (Identity still clears them at sign-in).
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = securePolicy;
            });
        }

        // Antiforgery refuses to run at all over plain HTTP when told Always, so it follows the request: secure on HTTPS.
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = "CareCoordination.Antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // TempData carries one-time messages and, once, new recovery codes.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "CareCoordination.TempData";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedRoleRefusals>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ClinicalRecords, policy => policy.RequireRole(CareRoles.Clinical))
            .AddPolicy(ReleaseForms, policy => policy.RequireRole([.. CareRoles.Clinical, CareRoles.PrivacyOfficer]))
            .AddPolicy(Clinicians, policy => policy.RequireRole(CareRoles.Pcp, CareRoles.BhClinician))
            .AddPolicy(Reports, policy => policy.RequireRole(CareRoles.CareManager, CareRoles.Admin))
            .AddPolicy(CareRoles.Pcp, policy => policy.RequireRole(CareRoles.Pcp))
            .AddPolicy(CareRoles.BhClinician, policy => policy.RequireRole(CareRoles.BhClinician))
            .AddPolicy(CareRoles.CareManager, policy => policy.RequireRole(CareRoles.CareManager))
            .AddPolicy(CareRoles.Admin, policy => policy.RequireRole(CareRoles.Admin))
            .AddPolicy(CareRoles.PrivacyOfficer, policy => policy.RequireRole(CareRoles.PrivacyOfficer));
        return services;
    }
}
