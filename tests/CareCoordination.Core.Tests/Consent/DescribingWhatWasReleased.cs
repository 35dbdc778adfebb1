using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Consent;

/// <summary>How a release's information and a disclosure's content read on screen and in the record of disclosures.</summary>
public class DescribingWhatWasReleased
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Theory]
    [InlineData(ProtectedContent.PsychotherapyNotes, new[] { 0, -7, -14 }, "3 psychotherapy notes, 2026-11-06 to 2026-11-20")]
    [InlineData(ProtectedContent.PsychotherapyNotes, new[] { -30 }, "1 psychotherapy note, 2026-10-21")]
    [InlineData(ProtectedContent.PsychotherapyNotes, new[] { -1, -1 }, "2 psychotherapy notes, 2026-11-19")]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, new[] { -7 }, "1 Part 2 SUD record, 2026-11-13")]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, new[] { -400, 0 }, "2 Part 2 SUD records, 2025-10-16 to 2026-11-20")]
    public void A_disclosure_says_how_many_notes_and_the_dates_they_span(ProtectedContent content, int[] daysFromDay, string expected) =>
        Assert.Equal(expected, content.DescribeDisclosure([.. daysFromDay.Select(Day.AddDays)]));

    [Fact]
    public void A_disclosure_of_nothing_or_of_routine_information_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ProtectedContent.PsychotherapyNotes.DescribeDisclosure([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProtectedContent.RoutineCoordination.DescribeDisclosure([Day]));
    }

    [Theory]
    [InlineData(ProtectedContent.PsychotherapyNotes, "psychotherapy notes")]
    [InlineData(ProtectedContent.SubstanceUseDisorderRecords, "Part 2 SUD records")]
    [InlineData(ProtectedContent.RoutineCoordination, "routine coordination information")]
    public void Protected_content_has_a_plain_label(ProtectedContent content, string expected) => Assert.Equal(expected, content.Label());

    [Theory]
    [InlineData(ReleasedInformation.PsychotherapyNotes, "psychotherapy notes")]
    [InlineData(ReleasedInformation.MedicalRecords | ReleasedInformation.MentalHealthRecords, "mental health records, medical records")]
    [InlineData(ReleasedInformation.SubstanceUseDisorderRecords | ReleasedInformation.PsychotherapyNotes, "psychotherapy notes, Part 2 SUD records")]
    [InlineData(ReleasedInformation.None, "nothing named")]
    public void Released_information_reads_as_the_classes_named_in_form_order(ReleasedInformation information, string expected) =>
        Assert.Equal(expected, information.Label());

    [Fact]
    public void Checked_boxes_combine_into_one_set_of_flags()
    {
        Assert.Equal(ReleasedInformation.PsychotherapyNotes | ReleasedInformation.MedicalRecords,
            ReleasedInformationFacts.Combine([ReleasedInformation.MedicalRecords, ReleasedInformation.PsychotherapyNotes, ReleasedInformation.MedicalRecords]));
        Assert.Equal(ReleasedInformation.None, ReleasedInformationFacts.Combine([]));
    }
}
