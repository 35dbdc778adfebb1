using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Data.Resilience;

/// <summary>
/// SQLite has one writer at a time. Left to SQLite, a writer that finds the lock taken sleeps and retries (1 ms growing
/// to 100 ms a try), so under load most of its wait is spent asleep after the lock is already free. This node's writers
/// queue here instead, in order, each starting as the one before commits; SQLite's busy timeout still settles contention
/// with other processes. A writer that waits longer than the busy timeout goes ahead ungated and lets SQLite decide, so
/// the gate can delay a write but never deadlock one.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan wait) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this node's turn to write, on SQLite; elsewhere the engine's own locks suffice.</summary>
    public async Task<Turn> EnterAsync(CareDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() && await _turn.WaitAsync(wait, cancellationToken) ? new Turn(_turn) : default;
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>A turn at writing, given back when disposed.</summary>
    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
