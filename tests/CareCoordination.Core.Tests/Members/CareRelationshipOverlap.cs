using CareCoordination.Core.Members;

namespace CareCoordination.Core.Tests.Members;

/// <summary>A practitioner treats a member in one relationship at a time: a new ongoing one may not overlap an earlier one.</summary>
public class CareRelationshipOverlap
{
    private static readonly DateOnly March1 = new(2026, 3, 1);

    private static CareRelationship Since(DateOnly start, DateOnly? lastDay = null)
    {
        var relationship = new CareRelationship { MemberId = 1, ProviderId = 2, StartOn = start };
        if (lastDay is { } day)
        {
            relationship.End(day);
        }

        return relationship;
    }

    [Theory]
    [InlineData("2026-02-28")]
    [InlineData("2026-03-01")]
    [InlineData("2027-01-01")]
    public void An_ongoing_relationship_overlaps_any_new_one(string start) =>
        Assert.True(Since(March1).WouldOverlapOngoingFrom(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_new_relationship_may_start_the_day_after_the_last_one_ended()
    {
        var ended = Since(March1, new DateOnly(2026, 3, 31));
        Assert.True(ended.WouldOverlapOngoingFrom(new DateOnly(2026, 3, 31)));
        Assert.False(ended.WouldOverlapOngoingFrom(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void A_new_ongoing_relationship_starting_earlier_would_cover_an_ended_one() =>
        Assert.True(Since(March1, new DateOnly(2026, 3, 31)).WouldOverlapOngoingFrom(new DateOnly(2026, 1, 1)));
}
