namespace CareCoordination.Core.Coordination;

public enum CoordinationEventKind
{
    Finding,
    Prescription,
    Referral,
    Assessment,
    TreatmentPlan,
    ReleaseRequest,
    ContactAttempt,
    Note,
}
