using System.Security.Cryptography;
using System.Text;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;

namespace CareCoordination.Core.Tests.Audit;

public class HashChainedTrail
{
    private static List<AuditEntry> Trail(int length)
    {
        var trail = new List<AuditEntry>();
        string? previous = null;
        for (var i = 0; i < length; i++)
        {
            var entry = new AuditEntry
            {
                OccurredAt = new DateTime(2026, 11, 27, 10, i, 0, DateTimeKind.Utc),
                UserId = "user-" + (i % 3),
                Action = i % 2 == 0 ? AuditAction.MemberRecordViewed : AuditAction.CoordinationRecorded,
                MemberId = 40 + i,
                Outcome = AuditOutcome.Success,
                CorrelationId = "req-" + i,
            };
            entry.Seal(previous);
            previous = entry.Hash;
            trail.Add(entry);
        }

        return trail;
    }

    private static AuditChain Check(IEnumerable<AuditEntry> entries)
    {
        var chain = new AuditChain();
        foreach (var entry in entries)
        {
            if (!chain.Accept(entry))
            {
                break;
            }
        }

        return chain;
    }

    [Fact]
    public void An_untouched_trail_verifies()
    {
        var chain = Check(Trail(10));
        Assert.Null(chain.Break);
        Assert.Equal(10, chain.Checked);
    }

    [Fact]
    public void Each_hash_covers_the_fields_and_the_previous_hash()
    {
        var trail = Trail(2);
        Assert.Equal(64, trail[0].Hash.Length);
        Assert.Null(trail[0].PreviousHash);
        Assert.Equal(trail[0].Hash, trail[1].PreviousHash);
        Assert.Equal(trail[1].Hash, trail[1].ComputeHash());
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain_at_the_next_one()
    {
        var trail = Trail(6);
        trail.RemoveAt(3);
        var chain = Check(trail);
        Assert.Equal(3, chain.Checked);
        Assert.Contains("removed or reordered", chain.Break!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_the_start_of_the_trail_shows()
    {
        var chain = Check(Trail(5).Skip(2));
        Assert.Equal(0, chain.Checked);
        Assert.Contains("entries before it were removed", chain.Break!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reordered_entries_break_the_chain()
    {
        var trail = Trail(5);
        (trail[1], trail[2]) = (trail[2], trail[1]);
        Assert.Equal(1, Check(trail).Checked);
    }

    [Fact]
    public void An_entry_can_be_sealed_only_once() =>
        Assert.Throws<InvalidOperationException>(() => Trail(1)[0].Seal(null));

    [Fact]
    public void Entries_written_before_the_chain_existed_are_counted_not_failed()
    {
        var legacy = new AuditEntry { OccurredAt = DateTime.UnixEpoch, Action = AuditAction.SignInSucceeded, CorrelationId = "old" };
        var chain = Check([legacy, .. Trail(3)]);
        Assert.Null(chain.Break);
        Assert.Equal((1L, 3L), (chain.Unsealed, chain.Checked));
    }

    [Fact]
    public void An_entry_without_protected_content_hashes_its_seven_fields_as_before_the_field_existed()
    {
        var entry = new AuditEntry
        {
            OccurredAt = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), UserId = "user-1", Action = AuditAction.MemberRecordViewed,
            MemberId = 40, Outcome = AuditOutcome.Success, CorrelationId = "req-1",
        };
        entry.Seal(null);

        var canonical = "2026-11-27T10:00:00.0000000Z|user-1|MemberRecordViewed|40|Success|req-1|";
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), entry.Hash);
    }

    [Fact]
    public void The_protected_content_of_a_request_is_covered_by_its_hash()
    {
        AuditEntry Request(ProtectedContent? content) => new()
        {
            OccurredAt = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), UserId = "user-1", Action = AuditAction.ProtectedContentRequested,
            MemberId = 40, Outcome = AuditOutcome.Denied, Content = content, CorrelationId = "req-1",
        };
        var notes = Request(ProtectedContent.PsychotherapyNotes);
        notes.Seal(null);

        // The same entry claiming another content, or none, cannot carry the sealed hash.
        Assert.NotEqual(notes.Hash, Request(ProtectedContent.SubstanceUseDisorderRecords).ComputeHash());
        Assert.NotEqual(notes.Hash, Request(null).ComputeHash());
        Assert.Equal(notes.Hash, Request(ProtectedContent.PsychotherapyNotes).ComputeHash());
    }
}
