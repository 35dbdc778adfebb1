namespace CareCoordination.Core.Audit;

/// <summary>Where a hash chain first breaks, and why; null when it holds.</summary>
public sealed record ChainBreak(long EntryId, string Reason);

/// <summary>Checks the audit trail's hash chain, one entry at a time in trail order, so any length can be streamed.</summary>
public sealed class AuditChain
{
    private string? _previousHash;

    public long Checked { get; private set; }

    /// <summary>Entries written before the chain existed (no hash), at the start of the trail.</summary>
    public long Unsealed { get; private set; }

    public ChainBreak? Break { get; private set; }

    /// <summary>Feeds the next entry (in Id order); returns false once the chain is broken.</summary>
    public bool Accept(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Break is not null)
        {
            return false;
        }

        if (entry.Hash.Length == 0 && Checked == 0)
        {
            Unsealed++;
            return true;
        }

        if (entry.PreviousHash != _previousHash)
        {
            Break = new ChainBreak(entry.Id, Checked == 0
                ? "The first entry does not start the chain: entries before it were removed."
                : "The entry does not follow the one before it: an entry was removed or reordered here.");
            return false;
        }

        if (entry.ComputeHash() != entry.Hash)
        {
            Break = new ChainBreak(entry.Id, "The entry was altered after it was written: its hash does not match its fields.");
            return false;
        }

        _previousHash = entry.Hash;
        Checked++;
        return true;
    }
}
