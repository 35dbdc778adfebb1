using CareCoordination.Core.Members;

namespace CareCoordination.Core.Tests.Members;

public class MemberAgeAndCare
{
    [Theory]
    [InlineData("1990-06-15", "2026-06-14", 35)]
    [InlineData("1990-06-15", "2026-06-15", 36)]
    [InlineData("2000-02-29", "2026-02-28", 26)]
    [InlineData("2000-02-29", "2026-02-27", 25)]
    [InlineData("2026-01-01", "2026-01-01", 0)]
    public void Age_counts_whole_years(string born, string on, int expected) =>
        Assert.Equal(expected, Member.AgeOn(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_care_relationship_is_active_from_start_through_its_last_day()
    {
        var relationship = new CareRelationship { MemberId = 1, ProviderId = 2, StartOn = new DateOnly(2026, 1, 1) };
        Assert.False(relationship.IsActiveOn(new DateOnly(2025, 12, 31)));
        Assert.True(relationship.IsActiveOn(new DateOnly(2030, 1, 1)));

        relationship.End(new DateOnly(2026, 6, 30));
        Assert.True(relationship.IsActiveOn(new DateOnly(2026, 6, 30)));
        Assert.False(relationship.IsActiveOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void A_care_relationship_cannot_end_before_it_starts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CareRelationship { StartOn = new DateOnly(2026, 1, 1) }.End(new DateOnly(2025, 12, 31)));
}
