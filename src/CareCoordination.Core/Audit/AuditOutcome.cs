namespace CareCoordination.Core.Audit;

public enum AuditOutcome
{
    Success,
    Denied,
    Failure,
}
