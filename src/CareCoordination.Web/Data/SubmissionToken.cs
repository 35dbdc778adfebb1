namespace CareCoordination.Web.Data;

/// <summary>A form submission already handled; a repeat of it (double click, resubmitted page) goes where the first went.</summary>
public sealed class SubmissionToken
{
    public Guid Id { get; init; }

    public required string UserId { get; init; }

    public DateTime UsedAt { get; init; }

    public string? ResultUrl { get; set; }
}
