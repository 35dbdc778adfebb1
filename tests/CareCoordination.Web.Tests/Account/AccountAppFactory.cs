using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Account;

/// <summary>
/// The real app (see <see cref="CareAppFactory"/>) on a clock the test steps, with the administrators' two-factor rule
/// stated rather than left to the environment: off here, as in development, so the demo admin signs in with a password.
/// </summary>
public class AccountAppFactory : CareAppFactory
{
    public SteppableClock Clock { get; } = new();

    /// <summary>Identity's own hasher, counting the passwords it checks.</summary>
    public CountingPasswordHasher Hasher { get; } = new();

    protected virtual bool AdminsMustUseTwoFactor => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SignIn:AdminsMustUseTwoFactor", AdminsMustUseTwoFactor.ToString());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPasswordHasher<Identity.CareUser>>(Hasher);
        });
    }

    /// <summary>A new account with the demo password and one role, as an administrator would add it.</summary>
    public async Task<string> CreateUserAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Identity.CareUser>>();
        var user = new Identity.CareUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Account Test" };
        Assert.True((await users.CreateAsync(user, Infrastructure.Demo.DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }
}

/// <summary>The same app with the rule as production has it: administrators must use two-factor sign-in.</summary>
public sealed class AdminsNeedTwoFactorAppFactory : AccountAppFactory
{
    protected override bool AdminsMustUseTwoFactor => true;
}

/// <summary>Identity's password hasher, counting each password it checks: whether a sign-in hashed at all.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Identity.CareUser>
{
    private readonly PasswordHasher<Identity.CareUser> _hasher = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Identity.CareUser user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Identity.CareUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
