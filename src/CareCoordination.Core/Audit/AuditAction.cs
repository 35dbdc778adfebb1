namespace CareCoordination.Core.Audit;

public enum AuditAction
{
    MemberRecordViewed,
    MemberSearched,
    SignInSucceeded,
    SignInFailed,
    SignedOut,
    AccessDenied,
    CoordinationRecorded,
    TaskChanged,
    InboxMessageAcknowledged,
    ReleaseRecorded,
    ReleaseRevoked,
    ReleaseDocumentViewed,
    ProtectedContentRequested,
    ProtectedContentDisclosed,
    DirectoryChanged,
    SettingsChanged,
    EmergencyAccessGranted,
    AuditTrailViewed,
    DisclosuresAccounted,
}
