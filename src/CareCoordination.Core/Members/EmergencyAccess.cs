namespace CareCoordination.Core.Members;

/// <summary>
/// "Break the glass": a clinician without a care relationship opens a member's record in an emergency. It needs a
/// reason, lasts a few hours, and every use is audited and shown to administrators.
/// </summary>
public sealed class EmergencyAccess
{
    public static readonly TimeSpan Duration = TimeSpan.FromHours(4);

    public int Id { get; private set; }

    public required string UserId { get; init; }

    public int MemberId { get; init; }

    public required string Reason { get; init; }

    public DateTime GrantedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public static EmergencyAccess Grant(string userId, int memberId, string reason, DateTime now) => new()
    {
        UserId = userId,
        MemberId = memberId,
        Reason = reason,
        GrantedAt = now,
        ExpiresAt = now + Duration,
    };

    public bool IsActiveAt(DateTime now) => GrantedAt <= now && now < ExpiresAt;
}
