using CareCoordination.Core.Audit;
using CareCoordination.Web.Tests.Queue;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>
/// For each audited action, the person who does it and how, on the demo plan. Each scenario arranges afresh (its own
/// member, task, release or form), so it can run again on the same database.
/// </summary>
public static class AuditedActs
{
    public static IReadOnlyDictionary<AuditAction, Func<CareAppFactory, Task<AuditedAct>>> Scenarios { get; } =
        new Dictionary<AuditAction, Func<CareAppFactory, Task<AuditedAct>>>
        {
            [AuditAction.MemberRecordViewed] = AuditedCareActs.OpeningARecordAsync,
            [AuditAction.MemberSearched] = AuditedCareActs.SearchingMembersAsync,
            [AuditAction.SignInSucceeded] = AuditedAccountActs.SigningInAsync,
            [AuditAction.SignInFailed] = AuditedAccountActs.FailingToSignInAsync,
            [AuditAction.SignedOut] = AuditedAccountActs.SigningOutAsync,
            [AuditAction.AccessDenied] = AuditedAccountActs.BeingTurnedAwayFromAnotherRolesPageAsync,
            [AuditAction.CoordinationRecorded] = AuditedCareActs.RecordingAPcpFindingAsync,
            [AuditAction.TaskChanged] = AuditedCareActs.ClaimingATaskAsync,
            [AuditAction.InboxMessageAcknowledged] = AuditedCareActs.AcknowledgingAnInboxMessageAsync,
            [AuditAction.ReleaseRecorded] = AuditedReleaseActs.RecordingASignedReleaseAsync,
            [AuditAction.ReleaseRevoked] = AuditedReleaseActs.RevokingAReleaseAsync,
            [AuditAction.ReleaseDocumentViewed] = AuditedReleaseActs.DownloadingASignedFormAsync,
            [AuditAction.ProtectedContentRequested] = AuditedReleaseActs.AskingForNotesWithoutAnAuthorizationAsync,
            [AuditAction.ProtectedContentDisclosed] = AuditedReleaseActs.AskingForNotesUnderTheDemoAuthorizationAsync,
            [AuditAction.DirectoryChanged] = AuditedAdminActs.StartingACareRelationshipAsync,
            [AuditAction.SettingsChanged] = AuditedAdminActs.SavingTheRuleSettingsAsync,
            [AuditAction.EmergencyAccessGranted] = AuditedCareActs.BreakingTheGlassAsync,
            [AuditAction.EmergencyAccessRequested] = AuditedCareActs.AskingForAGrantPastTheAllowanceAsync,
            [AuditAction.EmergencyAccessReviewed] = AuditedCareActs.ReviewingAGrantAsync,
            [AuditAction.ReleaseVerified] = AuditedReleaseActs.VerifyingAReleaseAsync,
            [AuditAction.AuditTrailViewed] = AuditedAdminActs.ReadingTheAuditTrailAsync,
            [AuditAction.DisclosuresAccounted] = AuditedReleaseActs.PrintingTheAccountingOfDisclosuresAsync,
            [AuditAction.MemberReportViewed] = AuditedReportActs.ViewingAMemberListReportAsync,
            [AuditAction.MemberReportExported] = AuditedReportActs.ExportingAMemberListReportAsync,
        };

    public static Task<string> UserIdAsync(this CareAppFactory app, string email) => QueuePages.UserIdOf(app, email);

    /// <summary>A member on the demo PCP's panel.</summary>
    public static Task<int> PanelMemberAsync(this CareAppFactory app, int skip = 0) => app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
    });

    /// <summary>A member off the demo PCP's panel whom nobody has opened in an emergency: a record she may not see.</summary>
    public static Task<Core.Members.Member> OffPanelMemberAsync(this CareAppFactory app) => app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
        return await db.Members.AsNoTracking().Where(m => m.PcpId != pcp && !db.EmergencyAccesses.Any(e => e.MemberId == m.Id))
            .OrderBy(m => m.Id).FirstAsync();
    });
}
