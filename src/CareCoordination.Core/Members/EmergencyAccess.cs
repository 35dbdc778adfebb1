using System.Linq.Expressions;

namespace CareCoordination.Core.Members;

/// <summary>
/// "Break the glass": a clinician without a care relationship reads a member's record in an emergency. It is read-only,
/// never reaches psychotherapy notes or the release forms, lasts a few hours, and every grant waits in the privacy
/// office's review queue. Past a daily number of grants a clinician's next one needs the privacy office first.
/// </summary>
public sealed class EmergencyAccess
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(4);

    /// <summary>Grants a user opens on one plan day before the next needs a privacy officer's approval.</summary>
    public const int GrantsPerDayWithoutApproval = 2;

    public int Id { get; private set; }

    public required string UserId { get; init; }

    public int MemberId { get; init; }

    public EmergencyCategory Category { get; init; }

    /// <summary>The emergency in the clinician's words (42 CFR 2.51(c)(5): the nature of the emergency).</summary>
    public required string Reason { get; init; }

    public DateTime RequestedAt { get; init; }

    /// <summary>When access began; while a grant awaits approval it equals <see cref="ExpiresAt"/>, so it is open at no instant.</summary>
    public DateTime GrantedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public EmergencyApproval Approval { get; private set; }

    public string? ApprovalDecidedByUserId { get; private set; }

    public DateTime? ApprovalDecidedAt { get; private set; }

    public EmergencyReview Review { get; private set; }

    public string? ReviewedByUserId { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewNote { get; private set; }

    /// <summary>
    /// Opens a grant at once, or, when the user already opened <paramref name="grantsTodaySoFar"/> of the day's allowance,
    /// asks a privacy officer for it.
    /// </summary>
    public static EmergencyAccess Request(string userId, int memberId, EmergencyCategory category, string reason, DateTime now, int grantsTodaySoFar)
    {
        var needsApproval = grantsTodaySoFar >= GrantsPerDayWithoutApproval;
        return new EmergencyAccess
        {
            UserId = userId,
            MemberId = memberId,
            Category = category,
            Reason = reason,
            RequestedAt = now,
            GrantedAt = now,
            ExpiresAt = needsApproval ? now : now + Duration,
            Approval = needsApproval ? EmergencyApproval.Awaiting : EmergencyApproval.NotNeeded,
        };
    }

    /// <summary>The one definition of an open grant, for queries to compose.</summary>
    public static Expression<Func<EmergencyAccess, bool>> ActiveAt(DateTime now) => e => e.GrantedAt <= now && now < e.ExpiresAt;

    public bool IsActiveAt(DateTime now) => GrantedAt <= now && now < ExpiresAt;

    /// <summary>42 CFR 2.51(a): Part 2 records go to medical personnel only in a bona fide medical emergency.</summary>
    public bool OpensPart2Records => Category == EmergencyCategory.BonaFideMedicalEmergency;

    public DomainChange Approve(string privacyOfficerUserId, DateTime now)
    {
        if (WhyNotDecidable(privacyOfficerUserId) is { } refusal)
        {
            return DomainChange.Refused(refusal);
        }

        (Approval, ApprovalDecidedByUserId, ApprovalDecidedAt, GrantedAt, ExpiresAt) = (EmergencyApproval.Approved, privacyOfficerUserId, now, now, now + Duration);
        return DomainChange.Ok;
    }

    public DomainChange Decline(string privacyOfficerUserId, DateTime now, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (WhyNotDecidable(privacyOfficerUserId) is { } refusal)
        {
            return DomainChange.Refused(refusal);
        }

        (Approval, ApprovalDecidedByUserId, ApprovalDecidedAt) = (EmergencyApproval.Declined, privacyOfficerUserId, now);
        (Review, ReviewedByUserId, ReviewedAt, ReviewNote) = (EmergencyReview.Reviewed, privacyOfficerUserId, now, note);
        return DomainChange.Ok;
    }

    /// <summary>The privacy office's look back at a grant: reviewed, or questioned with a note for follow-up.</summary>
    public DomainChange RecordReview(string privacyOfficerUserId, EmergencyReview outcome, DateTime now, string? note)
    {
        if (outcome == EmergencyReview.AwaitingReview)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A review ends in reviewed or questioned.");
        }

        if (privacyOfficerUserId == UserId)
        {
            return DomainChange.Refused("You opened this grant: another privacy officer must review it.");
        }

        if (Review != EmergencyReview.AwaitingReview)
        {
            return DomainChange.Refused("This grant was already reviewed.");
        }

        if (outcome == EmergencyReview.Questioned && string.IsNullOrWhiteSpace(note))
        {
            return DomainChange.Refused("Say what is questioned about this grant.");
        }

        (Review, ReviewedByUserId, ReviewedAt, ReviewNote) = (outcome, privacyOfficerUserId, now, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return DomainChange.Ok;
    }

    private string? WhyNotDecidable(string privacyOfficerUserId) =>
        privacyOfficerUserId == UserId ? "Nobody approves their own emergency access."
        : Approval != EmergencyApproval.Awaiting ? "This grant is not awaiting approval."
        : null;
}

public enum EmergencyCategory
{
    /// <summary>A bona fide medical emergency in which the member's consent cannot be obtained (42 CFR 2.51(a)).</summary>
    BonaFideMedicalEmergency,

    /// <summary>A serious and imminent threat to the member's or another person's safety (45 CFR 164.512(j)).</summary>
    ImminentThreatToSafety,

    /// <summary>Urgent care while the member's own clinicians cannot be reached.</summary>
    UrgentCareWithoutTheTreatingClinician,
}

public enum EmergencyApproval
{
    NotNeeded,
    Awaiting,
    Approved,
    Declined,
}

public enum EmergencyReview
{
    AwaitingReview,
    Reviewed,
    Questioned,
}

public static class EmergencyFacts
{
    public static string Label(this EmergencyCategory category) => category switch
    {
        EmergencyCategory.BonaFideMedicalEmergency => "Bona fide medical emergency (consent cannot be obtained)",
        EmergencyCategory.ImminentThreatToSafety => "Serious and imminent threat to safety",
        EmergencyCategory.UrgentCareWithoutTheTreatingClinician => "Urgent care; treating clinicians unreachable",
        _ => category.ToString(),
    };

    public static string Label(this EmergencyReview review) => review switch
    {
        EmergencyReview.AwaitingReview => "awaiting review",
        EmergencyReview.Reviewed => "reviewed",
        EmergencyReview.Questioned => "questioned",
        _ => review.ToString(),
    };

    public static string Label(this EmergencyApproval approval) => approval switch
    {
        EmergencyApproval.NotNeeded => "within the daily allowance",
        EmergencyApproval.Awaiting => "awaiting a privacy officer's approval",
        EmergencyApproval.Approved => "approved by a privacy officer",
        EmergencyApproval.Declined => "declined by a privacy officer",
        _ => approval.ToString(),
    };
}
