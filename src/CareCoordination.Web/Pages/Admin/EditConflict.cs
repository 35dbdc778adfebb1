namespace CareCoordination.Web.Pages.Admin;

/// <summary>
/// Someone else saved the record after this form was opened: nothing is saved, and the page shows each field as it is
/// saved now beside what was typed, so the administrator can keep either before saving again.
/// </summary>
public sealed record EditConflict(IReadOnlyList<EditConflict.Field> Fields)
{
    public sealed record Field(string Label, string Saved, string Typed)
    {
        public bool Differs => !string.Equals(Saved, Typed, StringComparison.Ordinal);
    }

    public static EditConflict Between(IEnumerable<(string Label, string? Value)> saved, IEnumerable<(string Label, string? Value)> typed) =>
        new([.. saved.Zip(typed, (s, t) => new Field(s.Label, Shown(s.Value), Shown(t.Value)))]);

    private static string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
}
