using System.Collections.Concurrent;

namespace CareCoordination.Web.Identity;

/// <summary>
/// The authenticator codes accepted in the last few minutes, per user, so none is accepted twice. Identity accepts a
/// code for two 30-second steps either side of now, so five minutes outlasts any code. Kept in memory: with several
/// nodes a code could be replayed once per node, still within those minutes.
/// </summary>
public sealed class UsedAuthenticatorCodes(TimeProvider clock)
{
    private static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string UserId, string Code), DateTimeOffset> _used = new();

    /// <summary>True the first time a user's code is used; false when it was already used within the last five minutes.</summary>
    public bool TryUse(string userId, string code)
    {
        var now = clock.GetUtcNow();
        foreach (var expired in _used.Where(entry => now - entry.Value > RememberedFor))
        {
            _used.TryRemove(expired);
        }

        return _used.TryAdd((userId, code.Trim()), now);
    }
}
