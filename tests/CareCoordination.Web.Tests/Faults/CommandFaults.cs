using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareCoordination.Web.Tests.Faults;

public enum FaultMoment
{
    /// <summary>The command never reaches the database, as when the connection drops before it is sent.</summary>
    BeforeItRuns,

    /// <summary>The command has run inside the transaction, but its answer is lost, as when the connection drops after.</summary>
    AfterItRan,
}

/// <summary>
/// Watches the SQL commands the app sends while armed, and fails the k-th one (or the commit) with the error SQLite
/// gives for a failed disk read or write. One request at a time: a test arms it, sends one request, and reads what it saw.
/// </summary>
public sealed class CommandFaults : DbCommandInterceptor, IDbTransactionInterceptor
{
    private const int SqliteIoError = 10;
    private readonly Lock _gate = new();
    private List<string>? _commands;
    private int? _failAt;
    private FaultMoment _moment;
    private bool _failCommit;
    private bool _down;

    /// <summary>What failed during the last armed request, or null when nothing did.</summary>
    public string? Fired { get; private set; }

    /// <summary>The start of the command that was failed, or null when it was the commit or nothing.</summary>
    public string? FiredOn { get; private set; }

    /// <summary>Starts watching; <paramref name="failAt"/> (1-based) names the command to fail, or none.</summary>
    public void Arm(int? failAt = null, FaultMoment moment = FaultMoment.BeforeItRuns, bool failCommit = false)
    {
        lock (_gate)
        {
            (_commands, _failAt, _moment, _failCommit, _down, Fired, FiredOn) = ([], failAt, moment, failCommit, false, null, null);
        }
    }

    /// <summary>Starts failing every command, as a database that has gone away, until disarmed.</summary>
    public void TakeDown()
    {
        Arm();
        lock (_gate)
        {
            _down = true;
        }
    }

    /// <summary>Stops watching and returns the commands seen, in order (the start of each).</summary>
    public IReadOnlyList<string> Disarm()
    {
        lock (_gate)
        {
            var seen = _commands ?? [];
            (_commands, _failAt, _failCommit, _down) = (null, null, false, false);
            return seen;
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Executing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Executing(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Executed(result);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Executed(result);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Executed(reader: null);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Executed(reader: null);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Executed(reader: null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Executed(reader: null);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Committing();
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Committing();
        return ValueTask.FromResult(result);
    }

    private void Executing(DbCommand command)
    {
        lock (_gate)
        {
            if (_commands is null)
            {
                return;
            }

            var text = string.Join(' ', command.CommandText.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            _commands.Add(text.Length <= 90 ? text : text[..90] + "…");
            if (_down || (_failAt == _commands.Count && _moment == FaultMoment.BeforeItRuns))
            {
                throw Fault($"command {_commands.Count} before it ran", _commands[^1]);
            }
        }
    }

    private void Executed(DbDataReader? reader)
    {
        lock (_gate)
        {
            if (_commands is null || _failAt != _commands.Count || _moment != FaultMoment.AfterItRan || Fired is not null)
            {
                return;
            }

            // The statement has run; close its reader so that only the lost answer, not a dangling statement, is simulated.
            reader?.Dispose();
            throw Fault($"command {_commands.Count} after it ran", _commands[^1]);
        }
    }

    private void Committing()
    {
        lock (_gate)
        {
            if (_commands is not null && _failCommit)
            {
                throw Fault("the commit", command: null);
            }
        }
    }

    private SqliteException Fault(string what, string? command)
    {
        (Fired, FiredOn) = (what, command);
        return new SqliteException($"Injected fault: {what}.", SqliteIoError);
    }
}
