using System.Net;
using CareCoordination.Core.Audit;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>A care manager reads, then downloads, a report that lists members by name.</summary>
public static class AuditedReportActs
{
    public static async Task<AuditedAct> ViewingAMemberListReportAsync(CareAppFactory app)
    {
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var client = await app.SignedInAs(Browsing.CareManager);
        return new(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports/Consent")).StatusCode),
            [new(AuditAction.MemberReportViewed, AuditOutcome.Success, careManager, null)]);
    }

    public static async Task<AuditedAct> ExportingAMemberListReportAsync(CareAppFactory app)
    {
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var client = await app.SignedInAs(Browsing.CareManager);
        return new(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports/Consent?handler=ExportSud")).StatusCode),
            [new(AuditAction.MemberReportExported, AuditOutcome.Success, careManager, null)]);
    }
}
