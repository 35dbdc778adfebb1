using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Data.Resilience;

/// <summary>
/// SQLite has one writer at a time. Left to SQLite, a writer that finds the lock taken sleeps and retries (1 ms growing
/// to 100 ms a try), so under load most of its wait is spent asleep after the lock is already free. This node's writers
/// queue here instead, each starting as the one before commits; SQLite's busy timeout still settles contention with
/// other processes. A writer that waits longer than the busy timeout goes ahead ungated and lets SQLite decide, and a
/// request that already holds the turn passes straight through, so the gate can delay a write but never deadlock one.
/// Turns are taken only in <c>using</c> scopes (the POST transaction filter, the audit trail's own saves), so every exit,
/// an exception included, gives the turn back.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan wait) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private object? _holder;

    /// <summary>Waits for this node's turn to write on SQLite (elsewhere the engine's own locks suffice).</summary>
    /// <param name="owner">Who asks (the request); the holder asking again is let through instead of waiting on itself.</param>
    public async Task<Turn> EnterAsync(CareDbContext db, object? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || (owner is not null && ReferenceEquals(Volatile.Read(ref _holder), owner)))
        {
            return default;
        }

        if (!await _turn.WaitAsync(wait, cancellationToken))
        {
            return default;
        }

        Volatile.Write(ref _holder, owner);
        return new Turn(this);
    }

    /// <summary>No one holds a turn.</summary>
    public bool IsFree => _turn.CurrentCount == 1;

    public void Dispose() => _turn.Dispose();

    private void Leave()
    {
        Volatile.Write(ref _holder, null);
        _turn.Release();
    }

    /// <summary>A turn at writing, given back when disposed; an ungated or pass-through turn gives nothing back.</summary>
    public readonly struct Turn(SqliteWriteGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Leave();
    }
}
