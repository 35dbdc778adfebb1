namespace CareCoordination.Core.Clinical;

public sealed class MedicationOrder
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    /// <summary>The drug as prescribed, e.g. "sertraline 50 MG Oral Tablet".</summary>
    public required string DrugName { get; init; }

    /// <summary>WHO ATC code of the ingredient, e.g. N06AB06.</summary>
    public string? AtcCode { get; init; }

    /// <summary>RxNorm concept (RXCUI), when known.</summary>
    public string? RxNormCode { get; init; }

    public decimal Dose { get; init; }

    public required string DoseUnit { get; init; }

    public MedicationFrequency Frequency { get; init; }

    public DateOnly StartOn { get; init; }

    /// <summary>The last day taken, inclusive; null while active.</summary>
    public DateOnly? StopOn { get; private set; }

    public string? StopReason { get; private set; }

    public int PrescriberId { get; init; }

    public decimal? DailyDose => Frequency.AdministrationsPerDay() * Dose;

    public bool IsActiveOn(DateOnly day) => StartOn <= day && (StopOn is null || day <= StopOn);

    public void Stop(DateOnly lastDay, string reason)
    {
        if (lastDay < StartOn)
        {
            throw new ArgumentOutOfRangeException(nameof(lastDay), "A medication cannot stop before it starts.");
        }

        StopOn = lastDay;
        StopReason = reason;
    }
}
