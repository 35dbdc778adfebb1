using System.Globalization;

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

    /// <summary>
    /// Stops the order so that it does not overlap one that starts on <paramref name="firstDayOff"/>: its last day is the
    /// day before, or its own start day when it had not started before then (an order is never shorter than one day).
    /// </summary>
    public void StopBefore(DateOnly firstDayOff, string reason)
    {
        var dayBefore = firstDayOff.AddDays(-1);
        Stop(dayBefore < StartOn ? StartOn : dayBefore, reason);
    }

    /// <summary>The same drug at a new dose, unit or frequency from <paramref name="startOn"/>: the new half of a dose change.</summary>
    public MedicationOrder ChangedTo(decimal dose, string doseUnit, MedicationFrequency frequency, DateOnly startOn, int prescriberId) => new()
    {
        MemberId = MemberId,
        DrugName = DrugName,
        AtcCode = AtcCode,
        RxNormCode = RxNormCode,
        Dose = dose,
        DoseUnit = doseUnit,
        Frequency = frequency,
        StartOn = startOn,
        PrescriberId = prescriberId,
    };

    /// <summary>"50 mg once daily", in invariant numbers: it goes into stored timeline lines and messages to the PCP.</summary>
    public string Regimen() => string.Create(CultureInfo.InvariantCulture, $"{Dose:0.####} {DoseUnit} {Frequency.Label()}");
}
