using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Infrastructure.Demo;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>Signing in and out, and being turned away from a page the user's role does not open.</summary>
public static class AuditedAccountActs
{
    private static Dictionary<string, string> Credentials(string password) => new()
    {
        ["Input.Email"] = Browsing.Pcp,
        ["Input.Password"] = password,
    };

    public static async Task<AuditedAct> SigningInAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var login = await AuditedForm.OpenAsync(app.NewClient(), "/Account/Login");
        return new(async () =>
        {
            var response = await login.PostAsync(Credentials(DemoData.Password));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location!.ToString());
        }, [new(AuditAction.SignInSucceeded, AuditOutcome.Success, pcp, null)]);
    }

    /// <summary>A wrong password for a real account: the entry names the account the attempt was made on.</summary>
    public static async Task<AuditedAct> FailingToSignInAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var login = await AuditedForm.OpenAsync(app.NewClient(), "/Account/Login");
        return new(async () =>
        {
            var response = await login.PostAsync(Credentials("not-the-password-at-all"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("The email or password is not right", Browsing.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }, [new(AuditAction.SignInFailed, AuditOutcome.Failure, pcp, null)]);
    }

    public static async Task<AuditedAct> SigningOutAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var home = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), "/");
        return new(async () =>
        {
            var response = await home.PostAsync([], "/Account/Logout");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }, [new(AuditAction.SignedOut, AuditOutcome.Success, pcp, null)]);
    }

    /// <summary>A PCP asks for the care managers' queue and, like a browser, follows the redirect to the refusal.</summary>
    public static async Task<AuditedAct> BeingTurnedAwayFromAnotherRolesPageAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var client = await app.SignedInAs(Browsing.Pcp);
        return new(async () =>
        {
            var response = await client.GetAsync("/Queue");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
        }, [new(AuditAction.AccessDenied, AuditOutcome.Denied, pcp, null)]);
    }
}
