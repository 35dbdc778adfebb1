using CareCoordination.Core.Clinical;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Rules;

/// <summary>What a clinician just recorded about a member: the facts the coordination rules decide on.</summary>
/// <param name="RecordedBy">The kind of clinician who recorded it; several rules apply only to BH practitioners or only to medical providers.</param>
public abstract record ClinicalEvent(ProviderKind RecordedBy);

/// <summary>A medication as the rules see it. <see cref="DailyDose"/> is null when it cannot be computed (as needed).</summary>
public sealed record MedicationFact(string DrugText, string? AtcCode, string? RxNormCode, decimal? DailyDose, string? DoseUnit)
{
    public static MedicationFact From(MedicationOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order.DrugName, order.AtcCode, order.RxNormCode, order.DailyDose, order.DoseUnit);
    }
}

/// <summary>
/// A prescription was started, changed or stopped (T1; T3 for drugs needing a medical evaluation). A dose change is a
/// stop of the old order and a start of the new one for the same ingredient.
/// </summary>
/// <param name="ActiveBefore">The member's active medications just before this change (including <paramref name="Stopped"/>).</param>
public sealed record MedicationChanged(
    ProviderKind RecordedBy,
    IReadOnlyList<MedicationFact> ActiveBefore,
    MedicationFact? Started,
    MedicationFact? Stopped,
    string? StopReason = null) : ClinicalEvent(RecordedBy);

/// <summary>A BH practitioner plans a treatment coded as a procedure (T3): <paramref name="CodeSystem"/> is <c>cpt</c> or <c>snomed</c>.</summary>
public sealed record TreatmentPlanned(ProviderKind RecordedBy, string CodeSystem, string Code, string? Display) : ClinicalEvent(RecordedBy);

public enum DiagnosisChange
{
    /// <summary>Already known; at an intake it is still "reported" by the new member.</summary>
    Unchanged,
    New,
    Reactivated,
    Worsened,
}

public sealed record DiagnosisFact(Icd10CmCode Code, string? Description, DiagnosisChange Change);

/// <summary>
/// Diagnoses a clinician recorded: at the intake of a member new to them (T2), or later, when an established member's
/// condition changes (T2) or a BH practitioner discovers a medical condition (BH-MEDICAL-FINDING).
/// </summary>
/// <param name="MemberIsNewToPractitioner">No earlier care relationship or encounter between this member and this practitioner.</param>
public sealed record DiagnosesRecorded(ProviderKind RecordedBy, bool MemberIsNewToPractitioner, IReadOnlyList<DiagnosisFact> Diagnoses) : ClinicalEvent(RecordedBy);

/// <summary>During a medical exam, a PCP or other medical provider suspects a psychiatric or substance use problem.</summary>
public sealed record PcpFindingRecorded(
    ProviderKind RecordedBy,
    AdministrativeSex Sex,
    Icd10CmCode? SuspectedCode,
    ScreeningResults Screens,
    bool SuicidalIdeationReported = false) : ClinicalEvent(RecordedBy);

/// <summary>A referral (T4). <paramref name="NeedsSpecializedHelp"/>: co-occurring medical and BH conditions needing specialized assistance.</summary>
public sealed record ReferralMade(ProviderKind RecordedBy, bool ToBehavioralHealth, bool NeedsSpecializedHelp) : ClinicalEvent(RecordedBy);
