using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;

namespace CareCoordination.Core.Tests.Members;

/// <summary>
/// Emergency access is narrow: it never reaches psychotherapy or counseling notes, opens Part 2 records only in a bona fide
/// medical emergency while it is open, needs a privacy officer past the daily allowance, and is reviewed by someone else.
/// </summary>
public class NarrowEmergencyAccess
{
    private static readonly DateTime Now = new(2026, 11, 27, 18, 0, 0, DateTimeKind.Utc);

    private static EmergencyAccess Grant(EmergencyCategory category, int grantsToday = 0) =>
        EmergencyAccess.Request("pcp", 5, category, "Member unresponsive in urgent care", Now, grantsToday);

    [Theory]
    [InlineData(ProtectedContent.PsychotherapyNotes, EmergencyCategory.BonaFideMedicalEmergency, false, ReleaseProblem.NotUnderEmergencyAccess)]
    [InlineData(ProtectedContent.SudCounselingNotes, EmergencyCategory.BonaFideMedicalEmergency, false, ReleaseProblem.NotUnderEmergencyAccess)]
    [InlineData(ProtectedContent.PsychotherapyNotes, EmergencyCategory.ImminentThreatToSafety, false, ReleaseProblem.NotUnderEmergencyAccess)]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, EmergencyCategory.BonaFideMedicalEmergency, true, null)]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, EmergencyCategory.ImminentThreatToSafety, false, ReleaseProblem.NotAMedicalEmergency)]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, EmergencyCategory.UrgentCareWithoutTheTreatingClinician, false, ReleaseProblem.NotAMedicalEmergency)]
    public void What_a_grant_lets_go(ProtectedContent content, EmergencyCategory category, bool allowed, ReleaseProblem? problem)
    {
        var decision = ConsentGate.DecideUnderEmergency(content, Grant(category), Now.AddMinutes(5));

        Assert.Equal(allowed, decision.Allowed);
        Assert.Null(decision.AllowedUnder);
        Assert.Equal(problem is null ? [] : [problem.Value], decision.Problems);
        Assert.Equal(allowed ? RedisclosureNotices.Part2MedicalEmergency : null, decision.RedisclosureNotice);
    }

    [Fact]
    public void A_medical_emergency_grant_opens_part_2_records_only_while_it_is_open()
    {
        var grant = Grant(EmergencyCategory.BonaFideMedicalEmergency);

        Assert.True(ConsentGate.DecideUnderEmergency(ProtectedContent.SubstanceUseDisorderRecords, grant, Now + EmergencyAccess.Duration - TimeSpan.FromSeconds(1)).Allowed);
        Assert.False(ConsentGate.DecideUnderEmergency(ProtectedContent.SubstanceUseDisorderRecords, grant, Now + EmergencyAccess.Duration).Allowed);
    }

    [Fact]
    public void Past_the_daily_allowance_a_grant_waits_for_a_privacy_officer_who_is_not_its_requester()
    {
        var withinAllowance = Grant(EmergencyCategory.ImminentThreatToSafety, grantsToday: EmergencyAccess.GrantsPerDayWithoutApproval - 1);
        Assert.True(withinAllowance.IsActiveAt(Now));
        Assert.Equal(EmergencyApproval.NotNeeded, withinAllowance.Approval);

        var pastIt = Grant(EmergencyCategory.ImminentThreatToSafety, grantsToday: EmergencyAccess.GrantsPerDayWithoutApproval);
        Assert.Equal(EmergencyApproval.Awaiting, pastIt.Approval);
        Assert.False(pastIt.IsActiveAt(Now));
        Assert.False(pastIt.IsActiveAt(Now.AddHours(1)));

        Assert.Equal("Nobody approves their own emergency access.", pastIt.Approve("pcp", Now).Refusal);
        var approvedAt = Now.AddMinutes(20);
        Assert.True(pastIt.Approve("privacy", approvedAt).Done);
        Assert.True(pastIt.IsActiveAt(approvedAt));
        Assert.Equal(approvedAt + EmergencyAccess.Duration, pastIt.ExpiresAt);
        Assert.Equal("This grant is not awaiting approval.", pastIt.Approve("privacy", approvedAt).Refusal);
    }

    [Fact]
    public void A_declined_grant_never_opens_and_counts_as_reviewed()
    {
        var grant = Grant(EmergencyCategory.UrgentCareWithoutTheTreatingClinician, grantsToday: 5);

        Assert.True(grant.Decline("privacy", Now.AddMinutes(3), "The member's own PCP was reachable").Done);

        Assert.Equal(EmergencyApproval.Declined, grant.Approval);
        Assert.False(grant.IsActiveAt(Now.AddMinutes(4)));
        Assert.Equal(EmergencyReview.Reviewed, grant.Review);
    }

    [Fact]
    public void Every_grant_waits_for_review_and_a_question_needs_a_note()
    {
        var grant = Grant(EmergencyCategory.BonaFideMedicalEmergency);
        Assert.Equal(EmergencyReview.AwaitingReview, grant.Review);

        Assert.Equal("You opened this grant: another privacy officer must review it.", grant.RecordReview("pcp", EmergencyReview.Reviewed, Now, null).Refusal);
        Assert.Equal("Say what is questioned about this grant.", grant.RecordReview("privacy", EmergencyReview.Questioned, Now, " ").Refusal);
        Assert.True(grant.RecordReview("privacy", EmergencyReview.Questioned, Now, "  Ask why the on-call psychiatrist was not paged ").Done);
        Assert.Equal("Ask why the on-call psychiatrist was not paged", grant.ReviewNote);
        Assert.Equal("This grant was already reviewed.", grant.RecordReview("privacy", EmergencyReview.Reviewed, Now, null).Refusal);
    }
}
