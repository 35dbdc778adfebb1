using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CareCoordination.Web.Data.Resilience;

/// <summary>
/// Sets up every SQLite connection as it opens. It waits, up to the busy timeout, for a lock another connection holds,
/// instead of failing: Microsoft.Data.Sqlite already retries a busy statement (BEGIN IMMEDIATE and COMMIT included) until
/// the connection's Default Timeout, but it polls every 150 ms; SQLite's own busy handler backs off from 1 ms to 100 ms,
/// so a waiting save starts within milliseconds of the lock's release. Both stop at the same bound, then the statement
/// fails with SQLITE_BUSY and the person sees the error page, nothing saved. And it flushes the log to disk on every
/// commit or only at checkpoints, as <see cref="DatabaseSettings.SqliteFlushesEveryCommit"/> says (the setting is the
/// connection's, not the file's).
/// </summary>
public sealed class SqliteConnectionSetup(TimeSpan busyTimeout, bool flushEveryCommit) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Calls on the open handle, not commands: nothing extra to prepare for each of the many times EF opens a pooled connection.
    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_busy_timeout(handle, (int)busyTimeout.TotalMilliseconds), handle);
            // FULL is SQLite's own default here: only the plan's choice of NORMAL needs a statement on each open.
            if (!flushEveryCommit)
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(handle, "PRAGMA synchronous=NORMAL;"), handle);
            }
        }
    }
}
