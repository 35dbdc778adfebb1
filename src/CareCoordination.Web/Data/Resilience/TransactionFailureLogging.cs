using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareCoordination.Web.Data.Resilience;

/// <summary>
/// Logs a failed transaction as an error with its exception, in place of EF Core's own line, which carries neither the
/// exception nor what failed. A commit cancelled because its request was abandoned is not a failure (it rolls back, and
/// the request is logged as 499), so it is not an error line that monitoring would page someone about.
/// </summary>
public sealed partial class TransactionFailureLogging(ILogger<TransactionFailureLogging> logger) : DbTransactionInterceptor
{
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Log(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Log(eventData);
        return Task.CompletedTask;
    }

    private void Log(TransactionErrorEventData eventData)
    {
        if (eventData.Exception is not OperationCanceledException)
        {
            LogFailed(logger, eventData.Action, eventData.Exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A database transaction failed to {Action}")]
    private static partial void LogFailed(ILogger logger, string action, Exception exception);
}
