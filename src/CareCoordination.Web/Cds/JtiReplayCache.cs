using System.Collections.Concurrent;

namespace CareCoordination.Web.Cds;

/// <summary>
/// Remembers each token id (<c>jti</c>) per issuer until the token expires, so a captured token cannot be played
/// again. In memory: enough for one instance; several instances behind a load balancer would need a shared store.
/// </summary>
public sealed class JtiReplayCache(TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Issuer, string Jti), DateTimeOffset> _seen = new();
    private long _nextSweepTicks;

    /// <summary>True the first time a token id is seen; false when it was already used and has not yet expired.</summary>
    public bool TryRemember(string issuer, string jti, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        // An entry outlives its token only until the next sweep, and an expired token fails validation before it gets here.
        return _seen.TryAdd((issuer, jti), expiresAt);
    }

    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        // One caller per interval sweeps; the others go straight on.
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, expiresAt) in _seen)
        {
            if (expiresAt < now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
