namespace CareCoordination.Core.Coordination;

public enum CoordinationTaskStatus
{
    Open,
    InProgress,
    WaitingOnProvider,
    Completed,
    Cancelled,
}
