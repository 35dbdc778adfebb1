namespace CareCoordination.Core.Consent;

/// <summary>The scanned, signed release form, kept apart from <see cref="Release"/> so listing releases never loads files.</summary>
public sealed class ReleaseDocument
{
    public int Id { get; private set; }

    public int ReleaseId { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    /// <summary>Hex SHA-256 of the content, computed by the caller, to show the file was not altered.</summary>
    public required string Sha256 { get; init; }

    public DateTime UploadedAt { get; init; }
}
