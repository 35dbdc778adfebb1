using System.Globalization;

namespace CareCoordination.Core.Consent;

public static class ProtectedContentFacts
{
    public static string Label(this ProtectedContent content) => content switch
    {
        ProtectedContent.PsychotherapyNotes => "psychotherapy notes",
        ProtectedContent.SubstanceUseDisorderRecords => "Part 2 SUD records",
        ProtectedContent.SudCounselingNotes => "SUD counseling notes",
        _ => "routine coordination information",
    };

    /// <summary>
    /// What a disclosure released, for its record (45 CFR 164.528(b)(2)(iii)): how many notes and the dates they span,
    /// e.g. "3 psychotherapy notes, 2026-09-01 to 2026-11-20". Dates are ISO so the record reads the same in every locale.
    /// </summary>
    public static string DescribeDisclosure(this ProtectedContent content, IReadOnlyCollection<DateOnly> writtenOn)
    {
        ArgumentNullException.ThrowIfNull(writtenOn);
        if (writtenOn.Count == 0)
        {
            throw new ArgumentException("A disclosure releases at least one note.", nameof(writtenOn));
        }

        var noun = (content, writtenOn.Count) switch
        {
            (ProtectedContent.PsychotherapyNotes, 1) => "psychotherapy note",
            (ProtectedContent.PsychotherapyNotes, _) => "psychotherapy notes",
            (ProtectedContent.SubstanceUseDisorderRecords, 1) => "Part 2 SUD record",
            (ProtectedContent.SubstanceUseDisorderRecords, _) => "Part 2 SUD records",
            (ProtectedContent.SudCounselingNotes, 1) => "SUD counseling note",
            (ProtectedContent.SudCounselingNotes, _) => "SUD counseling notes",
            _ => throw new ArgumentOutOfRangeException(nameof(content), content, "Only protected content is disclosed note by note."),
        };
        var (first, last) = (writtenOn.Min(), writtenOn.Max());
        var span = first == last ? Iso(first) : $"{Iso(first)} to {Iso(last)}";
        return string.Create(CultureInfo.InvariantCulture, $"{writtenOn.Count} {noun}, {span}");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
