using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Audit;

/// <summary>
/// One audited action: who, when, what, on which member, with what outcome. It records identifiers only, never the PHI
/// itself, so the trail can be read by auditors who may not see clinical content. Entries form a hash chain: each
/// carries the SHA-256 of its own fields and of the entry before it, so an altered, removed or reordered entry shows.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime OccurredAt { get; init; }

    /// <summary>The signed-in user; null when anonymous (e.g. a failed sign-in).</summary>
    public string? UserId { get; init; }

    public AuditAction Action { get; init; }

    public int? MemberId { get; init; }

    public AuditOutcome Outcome { get; init; }

    /// <summary>Which protected content a request or disclosure was for; null for every other action.</summary>
    public ProtectedContent? Content { get; init; }

    public required string CorrelationId { get; init; }

    /// <summary>The hash of the entry before this one; null for the first entry of the trail.</summary>
    public string? PreviousHash { get; private set; }

    public string Hash { get; private set; } = "";

    /// <summary>Links the entry to the one before it. Done once, as the entry is written.</summary>
    public void Seal(string? previousHash)
    {
        if (Hash.Length > 0)
        {
            throw new InvalidOperationException("An audit entry is sealed once.");
        }

        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>What the hash should be for the entry's fields as they are now.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('|',
            OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            UserId ?? "",
            Action.ToString(),
            MemberId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Outcome.ToString(),
            CorrelationId,
            PreviousHash ?? "");

        // Appended only when present, so entries sealed before the field existed keep their hashes.
        if (Content is { } content)
        {
            canonical += "|" + content;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
