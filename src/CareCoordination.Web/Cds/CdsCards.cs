using System.Text.Json.Nodes;

namespace CareCoordination.Web.Cds;

/// <summary>A CDS Hooks response: the cards to show; an empty list when there is nothing to say.</summary>
public sealed record CdsResponse(IReadOnlyList<CdsCard> Cards)
{
    public static CdsResponse None { get; } = new([]);
}

/// <summary>
/// One card. <see cref="Summary"/> is under 140 characters and never names the member; <see cref="Detail"/> is
/// GitHub-flavoured markdown. <see cref="SelectionBehavior"/> is set whenever there are suggestions, as the specification requires.
/// </summary>
public sealed record CdsCard(
    string Uuid,
    string Summary,
    string Detail,
    string Indicator,
    CdsSource Source,
    IReadOnlyList<CdsSuggestion>? Suggestions = null,
    string? SelectionBehavior = null)
{
    /// <summary>Every card's <c>source.label</c>.</summary>
    public const string SourceLabel = "CareCoordination";

    /// <summary>A summary cut to the specification's limit: under 140 characters.</summary>
    public static string Summarized(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length < 140 ? text : string.Concat(text.AsSpan(0, 138), "…");
    }
}

public sealed record CdsSource(string Label, CdsCoding Topic);

public sealed record CdsCoding(string System, string Code, string Display);

public sealed record CdsSuggestion(string Label, string Uuid, IReadOnlyList<CdsAction> Actions);

/// <summary>A suggested change to the EHR's record; for <c>create</c>, <see cref="Resource"/> is the new FHIR resource.</summary>
public sealed record CdsAction(string Type, string Description, JsonNode Resource);

/// <summary>A card's urgency, least to most: the CDS Client may sort or colour by it.</summary>
public static class CdsIndicators
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";
}
