using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Tests.Account;

/// <summary>Someone guessing passwords at the sign-in page, patiently: each guess after the throttle's longest wait, so each one is checked.</summary>
public static class Guessing
{
    public const string RefusedStart = "The email or password is not right";

    public static int LockoutThreshold(this CareAppFactory app) =>
        app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>The page's text after one patient attempt; the answer is always 200 with the sign-in page.</summary>
    public static async Task<string> PatientAttemptAsync(this AccountAppFactory app, HttpClient client, string email, string password)
    {
        app.Clock.Advance(Identity.SignInThrottle.LongestDelay);
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Browsing.Text(await response.Content.ReadAsStringAsync());
    }

    /// <summary><paramref name="count"/> patient wrong passwords, each refused with the one answer; <paramref name="between"/> runs after each.</summary>
    public static async Task WrongPasswordsAsync(this AccountAppFactory app, HttpClient client, string email, int count, Func<Task>? between = null)
    {
        for (var attempt = 1; attempt <= count; attempt++)
        {
            Assert.Contains(RefusedStart, await app.PatientAttemptAsync(client, email, "wrong-password-" + attempt), StringComparison.Ordinal);
            if (between is not null)
            {
                await between();
            }
        }
    }
}
