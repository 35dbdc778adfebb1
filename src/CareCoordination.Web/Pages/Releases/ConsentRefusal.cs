using CareCoordination.Core.Consent;

namespace CareCoordination.Web.Pages.Releases;

/// <summary>What the refusal panel needs: the gate's decision and the member's releases, to name each one it considered.</summary>
public sealed record ConsentRefusal(int MemberId, ProtectedContent Content, ConsentDecision Decision, IReadOnlyList<ReleaseRow> Releases)
{
    /// <summary>Each release the gate considered, by name, with every problem it found in words a clinician can act on.</summary>
    public IEnumerable<(string Release, IEnumerable<string> Problems)> Reasons =>
        Decision.Considered.Select(c => (
            Releases.SingleOrDefault(r => r.Release.Id == c.Release.Id) is { } row ? $"{row.Title}, to {row.Recipient}" : c.Release.Kind.Label(),
            c.Problems.Select(p => p.Describe())));
}
