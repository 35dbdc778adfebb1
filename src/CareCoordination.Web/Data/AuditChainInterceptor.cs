using CareCoordination.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareCoordination.Web.Data;

/// <summary>
/// Seals each new audit entry into the hash chain as it is saved. Reading the last hash and inserting after it must be
/// one step, or two writers would fork the chain: so it happens inside a transaction that holds the database's write
/// lock (SQLite's BEGIN IMMEDIATE; on SQL Server an update lock on the last row), begun here when the save has none.
/// One instance per DbContext.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    private IDbContextTransaction? _ownTransaction;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is CareDbContext db)
        {
            var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count > 0)
            {
                if (db.Database.CurrentTransaction is null)
                {
                    _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                }

                var previous = await LastHashAsync(db, cancellationToken);
                foreach (var entry in added)
                {
                    entry.Seal(previous);
                    previous = entry.Hash;
                }
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return eventData.Context?.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added) == true
            ? throw new InvalidOperationException("Save audit entries with SaveChangesAsync, which seals them into the chain.")
            : result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is { } transaction)
        {
            _ownTransaction = null;
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is { } transaction)
        {
            _ownTransaction = null;
            await transaction.DisposeAsync();
        }
    }

    private static async Task<string?> LastHashAsync(CareDbContext db, CancellationToken cancellationToken)
    {
        var last = db.Database.IsSqlServer()
            ? db.AuditEntries.FromSqlRaw("SELECT TOP (1) * FROM [AuditEntries] WITH (UPDLOCK, HOLDLOCK) ORDER BY [Id] DESC")
            : db.AuditEntries.OrderByDescending(a => a.Id).Take(1);
        return await last.AsNoTracking().Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
    }
}
