namespace CareCoordination.Core.Consent;

/// <summary>
/// Content kept apart from the member's record: psychotherapy notes, or records of a 42 CFR Part 2 program. It leaves
/// only through the consent gate, as a recorded <see cref="Disclosure"/>.
/// </summary>
public sealed class ProtectedNote
{
    public int Id { get; private set; }

    public int MemberId { get; init; }

    public ProtectedContent Content { get; init; }

    public int AuthorProviderId { get; init; }

    public DateOnly WrittenOn { get; init; }

    public required string Text { get; init; }
}
