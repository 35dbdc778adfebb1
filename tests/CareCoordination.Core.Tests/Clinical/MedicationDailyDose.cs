using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Tests.Clinical;

public class MedicationDailyDose
{
    private static MedicationOrder Order(decimal dose, MedicationFrequency frequency, DateOnly? start = null) => new()
    {
        DrugName = "sertraline 50 MG Oral Tablet",
        Dose = dose,
        DoseUnit = "mg",
        Frequency = frequency,
        StartOn = start ?? new DateOnly(2026, 1, 10),
    };

    [Theory]
    [InlineData(50, MedicationFrequency.OnceDaily, 50)]
    [InlineData(50, MedicationFrequency.AtBedtime, 50)]
    [InlineData(300, MedicationFrequency.ThreeTimesDaily, 900)]
    [InlineData(100, MedicationFrequency.TwiceDaily, 200)]
    [InlineData(25, MedicationFrequency.FourTimesDaily, 100)]
    [InlineData(20, MedicationFrequency.EveryOtherDay, 10)]
    public void Multiplies_dose_by_administrations_per_day(decimal dose, MedicationFrequency frequency, decimal expected) =>
        Assert.Equal(expected, Order(dose, frequency).DailyDose);

    [Fact]
    public void Long_acting_injections_spread_over_their_interval() =>
        Assert.Equal(8.357m, decimal.Round(Order(234, MedicationFrequency.EveryFourWeeks).DailyDose!.Value, 3));

    [Fact]
    public void As_needed_has_no_daily_dose() => Assert.Null(Order(25, MedicationFrequency.AsNeeded).DailyDose);

    [Fact]
    public void Every_frequency_has_a_label_and_a_rate_decision()
    {
        foreach (var frequency in Enum.GetValues<MedicationFrequency>())
        {
            Assert.False(string.IsNullOrWhiteSpace(frequency.Label()));
            _ = frequency.AdministrationsPerDay();
        }
    }

    [Fact]
    public void Active_from_start_through_the_stop_day_inclusive()
    {
        var order = Order(50, MedicationFrequency.OnceDaily, new DateOnly(2026, 3, 1));
        Assert.False(order.IsActiveOn(new DateOnly(2026, 2, 28)));
        Assert.True(order.IsActiveOn(new DateOnly(2026, 3, 1)));
        order.Stop(new DateOnly(2026, 3, 10), "Side effects");
        Assert.True(order.IsActiveOn(new DateOnly(2026, 3, 10)));
        Assert.False(order.IsActiveOn(new DateOnly(2026, 3, 11)));
        Assert.Equal("Side effects", order.StopReason);
    }

    [Fact]
    public void Cannot_stop_before_it_started() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Order(50, MedicationFrequency.OnceDaily, new DateOnly(2026, 3, 1)).Stop(new DateOnly(2026, 2, 1), "x"));
}
