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

    /// <summary>A report listing members (with names and plan IDs) was shown.</summary>
    MemberReportViewed,

    /// <summary>A report listing members was downloaded as CSV.</summary>
    MemberReportExported,
}
