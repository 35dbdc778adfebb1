using System.Net;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure.Demo;
using CareCoordination.Web.Tests.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Security;

/// <summary>Who knocks: nobody, each demo role, and a care manager whose account was locked while their session was open.</summary>
public enum Role
{
    Anonymous,
    Pcp,
    Bh,
    CareManager,
    Admin,
    Locked,
    Privacy,
}

/// <summary>A browser for one role: its own cookies, and an antiforgery token taken from a page it was shown.</summary>
public sealed class Visitor(Role role, HttpClient client, SessionCookies cookies)
{
    public Role Role => role;

    public HttpClient Client => client;

    public SessionCookies Cookies => cookies;

    /// <summary>A token from a page this visitor was shown (home when signed in, the sign-in page otherwise).</summary>
    public string Token { get; set; } = "";

    public override string ToString() => role.ToString();
}

/// <summary>
/// Keeps a visitor's cookies the way a browser does, and can stop taking new ones: a frozen jar keeps presenting the session
/// cookie the app has tried to end, as a copied cookie would.
/// </summary>
public sealed class SessionCookies : DelegatingHandler
{
    private static readonly Uri Site = new("https://localhost/");
    private readonly CookieContainer _jar = new();
    private bool _frozen;

    public void Freeze() => _frozen = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = _jar.GetCookieHeader(Site);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (!_frozen && response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                _jar.SetCookies(Site, value);
            }
        }

        return response;
    }
}

public static class Visitors
{
    public const string LockedEmail = "locked.session@demo.test";

    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>();

    public static string? EmailOf(Role role) => role switch
    {
        Role.Pcp => Browsing.Pcp,
        Role.Bh => Browsing.Bh,
        Role.CareManager => Browsing.CareManager,
        Role.Admin => Browsing.Admin,
        Role.Locked => LockedEmail,
        Role.Privacy => Browsing.PrivacyOfficer,
        _ => null,
    };

    public static Visitor Browser(CareAppFactory app, Role role)
    {
        var cookies = new SessionCookies();
        return new Visitor(role, app.CreateDefaultClient(new Uri("https://localhost"), cookies), cookies);
    }

    /// <summary>A visitor signed in (or not) with a token from the first page they see.</summary>
    public static async Task<Visitor> ArriveAsync(CareAppFactory app, Role role)
    {
        if (role == Role.Locked)
        {
            return await LockedOutDuringSessionAsync(app);
        }

        if (role == Role.Admin)
        {
            // The demo administrator turns on two-factor sign-in, as production requires; once on, it asks for codes
            // that can be used once, so a second administrator in the same app is a new account.
            var enrolled = await app.WithDatabase(db => db.Users.AnyAsync(u => u.Email == Browsing.Admin && u.TwoFactorEnabled));
            return await AdministratorAsync(app, enrolled ? $"admin.{Guid.NewGuid():N}@demo.test" : Browsing.Admin);
        }

        var visitor = Browser(app, role);
        if (EmailOf(role) is { } email)
        {
            var signIn = await visitor.Client.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        visitor.Token = Browsing.AntiforgeryToken(await visitor.Client.GetStringAsync(role == Role.Anonymous ? "/Account/Login" : "/"));
        return visitor;
    }

    public static async Task<Dictionary<Role, Visitor>> AllAsync(CareAppFactory app)
    {
        var visitors = new Dictionary<Role, Visitor>();
        foreach (var role in All)
        {
            visitors[role] = await ArriveAsync(app, role);
        }

        return visitors;
    }

    /// <summary>
    /// A care manager signs in and works; then enough wrong passwords to lock it are counted against their account elsewhere
    /// (straight through Identity: the sign-in page spaces attempts out over most of an hour, see SignInThrottle).
    /// The session opened before the lock is kept (the jar is frozen), so every later request presents it.
    /// </summary>
    public static async Task<Visitor> LockedOutDuringSessionAsync(CareAppFactory app, string email = LockedEmail)
    {
        await CreateUserAsync(app, email, CareRoles.CareManager);
        var visitor = Browser(app, Role.Locked);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Client.SignInAsync(email)).StatusCode);
        visitor.Token = Browsing.AntiforgeryToken(await visitor.Client.GetStringAsync("/"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
            var account = await users.FindByEmailAsync(email);
            for (var attempt = 0; attempt < users.Options.Lockout.MaxFailedAccessAttempts; attempt++)
            {
                Assert.True((await users.AccessFailedAsync(account!)).Succeeded);
            }
        }

        var lockedUntil = await app.WithDatabase(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedUntil > DateTimeOffset.UtcNow, "Failed sign-ins up to the lockout threshold should have locked the account.");
        visitor.Cookies.Freeze();
        return visitor;
    }

    /// <summary>An administrator signed in with two-factor sign-in turned on (the account is created when it does not exist).</summary>
    public static async Task<Visitor> AdministratorAsync(CareAppFactory app, string email)
    {
        await CreateUserAsync(app, email, CareRoles.Admin);
        var visitor = Browser(app, Role.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.Client.SignInAsync(email)).StatusCode);
        await visitor.Client.TurnOnTwoFactorAsync();
        visitor.Token = Browsing.AntiforgeryToken(await visitor.Client.GetStringAsync("/"));
        return visitor;
    }

    public static async Task<string> CreateUserAsync(CareAppFactory app, string email, string role, int? providerId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing.Id;
        }

        var user = new CareUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Security Probe", ProviderId = providerId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }
}
