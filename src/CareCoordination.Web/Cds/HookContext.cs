namespace CareCoordination.Web.Cds;

/// <summary>The context every one of our hooks carries: the user (<c>Practitioner/123</c>), the patient and maybe the encounter.</summary>
public sealed record HookContext(string UserId, string PatientId, string? EncounterId)
{
    public static HookContext Read(CdsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.ContextString("userId"), request.ContextString("patientId"), request.OptionalContextString("encounterId"));
    }

    public TaskSubject TaskSubject(string? focus = null) => new(PatientId, EncounterId, UserId, focus);
}
