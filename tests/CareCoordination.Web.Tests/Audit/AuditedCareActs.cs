using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Tests.Queue;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>The clinical journeys: finding and opening a record, recording a finding, working the queue and the inbox, emergency access.</summary>
public static class AuditedCareActs
{
    public static async Task<AuditedAct> OpeningARecordAsync(CareAppFactory app)
    {
        var (pcp, memberId) = (await app.UserIdAsync(Browsing.Pcp), await app.PanelMemberAsync());
        var client = await app.SignedInAs(Browsing.Pcp);
        return new(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/{memberId}")).StatusCode),
            [new(AuditAction.MemberRecordViewed, AuditOutcome.Success, pcp, memberId)]);
    }

    /// <summary>A search may find many members, or none, so its entry names no member (and never the criteria).</summary>
    public static async Task<AuditedAct> SearchingMembersAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var memberId = await app.PanelMemberAsync(skip: 1);
        var member = await app.WithDatabase(db => db.Members.SingleAsync(m => m.Id == memberId));
        var search = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), "/Members");
        return new(async () =>
        {
            var response = await search.PostAsync(new() { ["Search.Name"] = member.FamilyName, ["Search.DateOfBirth"] = "", ["Search.MemberId"] = "" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"/Members/{memberId}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }, [new(AuditAction.MemberSearched, AuditOutcome.Success, pcp, null)]);
    }

    public static async Task<AuditedAct> RecordingAPcpFindingAsync(CareAppFactory app)
    {
        var (pcp, memberId) = (await app.UserIdAsync(Browsing.Pcp), await app.PanelMemberAsync(skip: 2));
        var finding = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), $"/Members/{memberId}/Findings/New");
        return new(async () =>
        {
            var response = await finding.PostAsync(new()
            {
                ["Input.Category"] = "Depression",
                ["Input.Phq9"] = "12",
                ["Input.NextStep"] = "Routine",
                ["Input.SharingDiscussedWithMember"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches($"^/Members/{memberId}/Events/\\d+$", response.Headers.Location!.ToString());
        }, [new(AuditAction.CoordinationRecorded, AuditOutcome.Success, pcp, memberId)]);
    }

    public static async Task<AuditedAct> ClaimingATaskAsync(CareAppFactory app)
    {
        var careManager = await app.UserIdAsync(Browsing.CareManager);
        var taskId = await QueuePages.OpenTaskAsync(app, memberIndex: 30);
        var memberId = (await QueuePages.TaskAsync(app, taskId)).MemberId;
        var task = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.CareManager), $"/Queue/{taskId}");
        return new(async () =>
        {
            var response = await task.PostAsync(new() { ["Version"] = Browsing.HiddenValue(task.Page, "Version")! }, $"/Queue/{taskId}?handler=Claim");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Queue/{taskId}", response.Headers.Location!.ToString());
        }, [new(AuditAction.TaskChanged, AuditOutcome.Success, careManager, memberId)]);
    }

    public static async Task<AuditedAct> AcknowledgingAnInboxMessageAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var message = await app.WithDatabase(async db =>
        {
            var provider = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.InboxMessages.AsNoTracking().Where(m => m.RecipientProviderId == provider && m.AcknowledgedAt == null)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.MemberId }).FirstAsync();
        });
        var inbox = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), "/Inbox");
        return new(async () =>
        {
            var response = await inbox.PostAsync([], $"/Inbox?handler=Acknowledge&messageId={message.Id}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }, [new(AuditAction.InboxMessageAcknowledged, AuditOutcome.Success, pcp, message.MemberId)]);
    }

    /// <summary>Past the daily allowance: the grant is asked for, and waits for the privacy office.</summary>
    public static async Task<AuditedAct> AskingForAGrantPastTheAllowanceAsync(CareAppFactory app)
    {
        var bh = await app.UserIdAsync(Browsing.Bh);
        var members = await app.WithDatabase(db => db.Members.Where(m => !db.CareRelationships.Any(r => r.MemberId == m.Id)).OrderByDescending(m => m.Id).Take(2).ToListAsync());
        await app.WithDatabase(async db =>
        {
            for (var i = 0; i < Core.Members.EmergencyAccess.GrantsPerDayWithoutApproval; i++)
            {
                db.EmergencyAccesses.Add(Core.Members.EmergencyAccess.Request(bh, members[1].Id, Core.Members.EmergencyCategory.ImminentThreatToSafety,
                    "Earlier grant of the day", DateTime.UtcNow.AddMinutes(-1), grantsTodaySoFar: i));
            }

            return await db.SaveChangesAsync();
        });
        var emergency = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Bh), "/Members/Emergency");
        return new(async () =>
        {
            var response = await emergency.PostAsync(new()
            {
                ["Input.PlanMemberId"] = members[0].PlanMemberId,
                ["Input.Category"] = "ImminentThreatToSafety",
                ["Input.Reason"] = "Member called the crisis line threatening harm; needs the care plan",
                ["Input.UnderstandsAudit"] = "true",
            });
            Assert.Equal("/Members/Emergency?awaitingApproval=true", response.Headers.Location!.ToString());
        }, [new(AuditAction.EmergencyAccessRequested, AuditOutcome.Success, bh, members[0].Id)]);
    }

    /// <summary>The privacy office looks back at a grant.</summary>
    public static async Task<AuditedAct> ReviewingAGrantAsync(CareAppFactory app)
    {
        var (pcp, office) = (await app.UserIdAsync(Browsing.Pcp), await app.UserIdAsync(Browsing.PrivacyOfficer));
        var member = await app.OffPanelMemberAsync();
        var grantId = await app.WithDatabase(async db =>
        {
            var grant = Core.Members.EmergencyAccess.Request(pcp, member.Id, Core.Members.EmergencyCategory.UrgentCareWithoutTheTreatingClinician,
                "Covering the urgent care clinic overnight", DateTime.UtcNow.AddDays(-2), grantsTodaySoFar: 0);
            db.EmergencyAccesses.Add(grant);
            await db.SaveChangesAsync();
            return grant.Id;
        });
        var review = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.PrivacyOfficer), $"/Privacy/Grants/{grantId}");
        return new(async () =>
        {
            var response = await review.PostAsync(new() { ["Outcome"] = "Reviewed", ["Note"] = "Matches the urgent care log" }, $"{review.Url}?handler=Review");
            Assert.Equal($"/Privacy/Grants/{grantId}", response.Headers.Location!.ToString());
        }, [new(AuditAction.EmergencyAccessReviewed, AuditOutcome.Success, office, member.Id)]);
    }

    public static async Task<AuditedAct> BreakingTheGlassAsync(CareAppFactory app)
    {
        var pcp = await app.UserIdAsync(Browsing.Pcp);
        var member = await app.OffPanelMemberAsync();
        var emergency = await AuditedForm.OpenAsync(await app.SignedInAs(Browsing.Pcp), "/Members/Emergency");
        return new(async () =>
        {
            var response = await emergency.PostAsync(new()
            {
                ["Input.PlanMemberId"] = member.PlanMemberId,
                ["Input.Category"] = "BonaFideMedicalEmergency",
                ["Input.Reason"] = "Member brought to urgent care unresponsive; need medication list",
                ["Input.UnderstandsAudit"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Members/{member.Id}", response.Headers.Location!.ToString());
        }, [new(AuditAction.EmergencyAccessGranted, AuditOutcome.Success, pcp, member.Id)]);
    }
}
