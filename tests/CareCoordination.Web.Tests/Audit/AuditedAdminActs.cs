using System.Globalization;
using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Tests.Releases;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>Administration: the directory, the rule settings and the audit trail itself.</summary>
public static class AuditedAdminActs
{
    /// <summary>A directory change that concerns a member: from today Dr. Whitfield may open the member's record.</summary>
    public static async Task<AuditedAct> StartingACareRelationshipAsync(CareAppFactory app)
    {
        var admin = await app.UserIdAsync(Browsing.Admin);
        var (whitfield, member) = await app.WithDatabase(async db =>
        {
            var whitfield = await MemberRecordAccess.ProviderOf(db, Browsing.Bh);
            return (whitfield, await db.Members.AsNoTracking().Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id && r.ProviderId == whitfield))
                .OrderBy(m => m.Id).FirstAsync());
        });
        var relationship = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Admin), "/Admin/CareRelationships/New");
        return new(async () =>
        {
            var response = await relationship.PostAsync(new()
            {
                ["Input.PlanMemberId"] = member.PlanMemberId,
                ["Input.ProviderId"] = whitfield.ToString(CultureInfo.InvariantCulture),
                ["Input.StartOn"] = app.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Admin/CareRelationships", response.Headers.Location!.ToString());
        }, [new(AuditAction.DirectoryChanged, AuditOutcome.Success, admin, member.Id)]);
    }

    public static async Task<AuditedAct> SavingTheRuleSettingsAsync(CareAppFactory app)
    {
        var admin = await app.UserIdAsync(Browsing.Admin);
        var settings = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Admin), "/Admin/Settings");
        return new(async () =>
        {
            var response = await settings.PostAsync(new()
            {
                ["Input.UrgentBusinessDays"] = "0",
                ["Input.HighBusinessDays"] = "2",
                ["Input.RoutineBusinessDays"] = "5",
                ["Input.DailyDoseChangePercent"] = "50",
                ["Input.AnyDoseChangeIngredients"] = "lithium, clozapine",
                ["Input.NicotineCountsAsSubstanceUse"] = "false",
                ["Input.Holidays"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Admin/Settings", response.Headers.Location!.ToString());
        }, [new(AuditAction.SettingsChanged, AuditOutcome.Success, admin, null)]);
    }

    public static async Task<AuditedAct> ReadingTheAuditTrailAsync(CareAppFactory app)
    {
        var admin = await app.UserIdAsync(Browsing.Admin);
        var client = await app.SignedInAs(Browsing.Admin);
        return new(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Audit")).StatusCode),
            [new(AuditAction.AuditTrailViewed, AuditOutcome.Success, admin, null)]);
    }
}
