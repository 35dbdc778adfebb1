namespace CareCoordination.Core.Audit;

public enum AuditAction
{
    MemberRecordViewed,
    MemberSearched,
    SignInSucceeded,
    SignInFailed,
    SignedOut,
    AccessDenied,
}
