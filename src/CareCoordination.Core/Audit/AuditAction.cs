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

    /// <summary>A grant past the daily allowance was asked for; it waits for a privacy officer.</summary>
    EmergencyAccessRequested,

    /// <summary>A privacy officer approved, declined or reviewed an emergency grant.</summary>
    EmergencyAccessReviewed,

    /// <summary>A release was verified against its signed form, or verification was refused.</summary>
    ReleaseVerified,
}
