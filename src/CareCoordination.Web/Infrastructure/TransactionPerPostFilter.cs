using CareCoordination.Web.Data;
using CareCoordination.Web.Data.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// Every page handler that changes something runs in one database transaction: the event, its flags, tasks, inbox
/// message and audit entry are saved together or not at all, without each handler having to remember to say so.
/// </summary>
public sealed class TransactionPerPostFilter(CareDbContext db, SqliteWriteGate writeGate) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        // Error and status pages re-execute the failed request's method; they must not need the database that failed.
        var reExecuted = http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (reExecuted || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next();
            return;
        }

        using var turn = await writeGate.EnterAsync(db, http, http.RequestAborted);
        await using var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            await transaction.CommitAsync(http.RequestAborted);
        }

        // Otherwise disposing the transaction rolls it back, and the error page says nothing was saved.
    }
}
