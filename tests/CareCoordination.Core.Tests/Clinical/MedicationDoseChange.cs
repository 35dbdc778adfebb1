using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Tests.Clinical;

/// <summary>A dose change stops the old order the day before the new one starts, and carries the drug over unchanged.</summary>
public class MedicationDoseChange
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static MedicationOrder Sertraline(DateOnly start) => new()
    {
        MemberId = 7,
        DrugName = "sertraline 100 MG Oral Tablet",
        AtcCode = "N06AB06",
        RxNormCode = "36437",
        Dose = 100m,
        DoseUnit = "mg",
        Frequency = MedicationFrequency.OnceDaily,
        StartOn = start,
        PrescriberId = 4,
    };

    [Fact]
    public void An_order_started_earlier_ends_the_day_before_the_new_one()
    {
        var order = Sertraline(Today.AddDays(-40));
        order.StopBefore(Today, "Partial response");
        Assert.Equal((Today.AddDays(-1), "Partial response"), (order.StopOn, order.StopReason));
        Assert.False(order.IsActiveOn(Today));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void An_order_that_had_not_started_before_then_ends_on_its_own_start_day(int daysAhead)
    {
        var order = Sertraline(Today.AddDays(daysAhead));
        order.StopBefore(Today, "Entered in error");
        Assert.Equal(Today.AddDays(daysAhead), order.StopOn);
    }

    [Fact]
    public void The_changed_order_keeps_the_drug_and_its_codes_and_takes_the_new_regimen()
    {
        var changed = Sertraline(Today.AddDays(-40)).ChangedTo(150m, "mg", MedicationFrequency.AtBedtime, Today, prescriberId: 5);

        Assert.Equal((7, "sertraline 100 MG Oral Tablet", "N06AB06", "36437"), (changed.MemberId, changed.DrugName, changed.AtcCode, changed.RxNormCode));
        Assert.Equal((150m, "mg", MedicationFrequency.AtBedtime, Today, 5), (changed.Dose, changed.DoseUnit, changed.Frequency, changed.StartOn, changed.PrescriberId));
        Assert.Null(changed.StopOn);
    }

    [Theory]
    [InlineData(50, "mg", MedicationFrequency.OnceDaily, "50 mg once daily")]
    [InlineData(0.5, "mg", MedicationFrequency.TwiceDaily, "0.5 mg twice daily")]
    [InlineData(2, "puff", MedicationFrequency.AsNeeded, "2 puff as needed")]
    [InlineData(234, "mg", MedicationFrequency.EveryFourWeeks, "234 mg every 4 weeks")]
    public void The_regimen_reads_as_dose_unit_and_frequency(decimal dose, string unit, MedicationFrequency frequency, string expected)
    {
        var order = new MedicationOrder { DrugName = "any", Dose = dose, DoseUnit = unit, Frequency = frequency };
        Assert.Equal(expected, order.Regimen());
    }

    [Theory]
    [InlineData("mg", true)]
    [InlineData("mEq", true)]
    [InlineData("puff", true)]
    [InlineData("MG", false)]
    [InlineData("tablet", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_listed_dose_units_are_known(string? unit, bool known) => Assert.Equal(known, DoseUnits.IsKnown(unit));
}
