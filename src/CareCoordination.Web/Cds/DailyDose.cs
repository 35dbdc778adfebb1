using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>
/// The daily dose a prescription's dosage instructions add up to: dose quantity × administrations per day, from
/// <c>timing.repeat</c> (frequency per period) or a common timing code (BID, TID...). Null when it cannot be told:
/// as needed, a dose range, no timing, or instructions in different units.
/// </summary>
public static class DailyDose
{
    private static readonly Dictionary<string, decimal> PerDayByTimingCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["QD"] = 1m,
        ["AM"] = 1m,
        ["PM"] = 1m,
        ["BID"] = 2m,
        ["TID"] = 3m,
        ["QID"] = 4m,
        ["QOD"] = 0.5m,
        ["Q4H"] = 6m,
        ["Q6H"] = 4m,
        ["Q8H"] = 3m,
        ["WK"] = 1m / 7m,
    };

    public static (decimal? Amount, string? Unit) Of(IReadOnlyCollection<Dosage> instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        try
        {
            return Sum(instructions);
        }
        catch (ArithmeticException)
        {
            return (null, null); // absurd amounts or periods (overflow, a period too small to divide by): not comparable
        }
    }

    private static (decimal? Amount, string? Unit) Sum(IReadOnlyCollection<Dosage> instructions)
    {
        decimal total = 0;
        string? unit = null;
        foreach (var dosage in instructions)
        {
            if (OfOne(dosage) is not { } daily || (unit is not null && !string.Equals(unit, daily.Unit, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, null);
            }

            total += daily.Amount;
            unit = daily.Unit;
        }

        return unit is null ? (null, null) : (total, unit);
    }

    private static (decimal Amount, string Unit)? OfOne(Dosage dosage)
    {
        if (dosage.AsNeeded is FhirBoolean { Value: true } or CodeableConcept)
        {
            return null;
        }

        var dose = dosage.DoseAndRate.Select(d => d.Dose).OfType<Quantity>().FirstOrDefault();
        var unit = string.IsNullOrWhiteSpace(dose?.Unit) ? dose?.Code : dose.Unit;
        if (dose?.Value is not { } amount || string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        return PerDay(dosage.Timing) is { } perDay ? (amount * perDay, unit.Trim().ToLowerInvariant()) : null;
    }

    private static decimal? PerDay(Timing? timing)
    {
        var repeat = timing?.Repeat;
        if (repeat?.Period is { } period && DaysIn(repeat.PeriodUnit) is { } days && period * days is var periodInDays && periodInDays > 0)
        {
            return (repeat.Frequency ?? 1) / periodInDays;
        }

        if (repeat is { Period: null } && repeat.When.Any())
        {
            return repeat.When.Count(); // "at bedtime", "morning and evening": once per named time a day
        }

        return timing?.Code?.Coding.Select(c => c.Code).FirstOrDefault(c => c is not null && PerDayByTimingCode.ContainsKey(c)) is { } code
            ? PerDayByTimingCode[code]
            : null;
    }

    private static decimal? DaysIn(Timing.UnitsOfTime? unit) => unit switch
    {
        Timing.UnitsOfTime.S => 1m / 86400m,
        Timing.UnitsOfTime.Min => 1m / 1440m,
        Timing.UnitsOfTime.H => 1m / 24m,
        Timing.UnitsOfTime.D => 1m,
        Timing.UnitsOfTime.Wk => 7m,
        Timing.UnitsOfTime.Mo => 30m,
        Timing.UnitsOfTime.A => 365m,
        _ => null,
    };
}
