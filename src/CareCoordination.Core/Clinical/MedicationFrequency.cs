namespace CareCoordination.Core.Clinical;

public enum MedicationFrequency
{
    OnceDaily,
    TwiceDaily,
    ThreeTimesDaily,
    FourTimesDaily,
    AtBedtime,
    EveryOtherDay,
    Weekly,
    EveryTwoWeeks,
    EveryFourWeeks,
    AsNeeded,
}

public static class MedicationFrequencyFacts
{
    /// <summary>Administrations per day, for comparing daily doses; null for as-needed, which has no fixed daily dose.</summary>
    public static decimal? AdministrationsPerDay(this MedicationFrequency frequency) => frequency switch
    {
        MedicationFrequency.OnceDaily or MedicationFrequency.AtBedtime => 1m,
        MedicationFrequency.TwiceDaily => 2m,
        MedicationFrequency.ThreeTimesDaily => 3m,
        MedicationFrequency.FourTimesDaily => 4m,
        MedicationFrequency.EveryOtherDay => 1m / 2m,
        MedicationFrequency.Weekly => 1m / 7m,
        MedicationFrequency.EveryTwoWeeks => 1m / 14m,
        MedicationFrequency.EveryFourWeeks => 1m / 28m,
        MedicationFrequency.AsNeeded => null,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };

    public static string Label(this MedicationFrequency frequency) => frequency switch
    {
        MedicationFrequency.OnceDaily => "once daily",
        MedicationFrequency.TwiceDaily => "twice daily",
        MedicationFrequency.ThreeTimesDaily => "three times daily",
        MedicationFrequency.FourTimesDaily => "four times daily",
        MedicationFrequency.AtBedtime => "at bedtime",
        MedicationFrequency.EveryOtherDay => "every other day",
        MedicationFrequency.Weekly => "weekly",
        MedicationFrequency.EveryTwoWeeks => "every 2 weeks",
        MedicationFrequency.EveryFourWeeks => "every 4 weeks",
        MedicationFrequency.AsNeeded => "as needed",
        _ => frequency.ToString(),
    };
}
