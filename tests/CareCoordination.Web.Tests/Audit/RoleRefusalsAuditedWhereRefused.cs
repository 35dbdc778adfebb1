using System.Net;
using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>A role refusal is audited where it is refused, once, whether or not the client follows the redirect.</summary>
public class RoleRefusalsAuditedWhereRefused(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Theory]
    [InlineData("/Queue")]
    [InlineData("/Admin")]
    public async Task A_pcp_turned_away_is_audited_once_without_following_the_redirect(string url)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var client = await app.SignedInAs(Browsing.Pcp);
        var before = await DeniedCountAsync(pcp);

        var refused = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await DeniedCountAsync(pcp));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(refused.Headers.Location)).StatusCode);
        Assert.Equal(before + 1, await DeniedCountAsync(pcp));
    }

    private Task<int> DeniedCountAsync(string userId) => app.WithDatabase(db =>
        db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied && a.Outcome == AuditOutcome.Denied && a.UserId == userId && a.MemberId == null));
}
