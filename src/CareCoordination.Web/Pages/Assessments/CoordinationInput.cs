namespace CareCoordination.Web.Pages.Assessments;

/// <summary>What every assessment form carries besides its clinical content: the optional note and the sharing checkbox.</summary>
public interface ICoordinationInput
{
    string? Note { get; }

    bool SharingDiscussedWithMember { get; }
}

public static class CoordinationInput
{
    public const int NoteLength = 2000;

    public static string? NoteText(this ICoordinationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }
}
