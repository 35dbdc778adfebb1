using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>A cancellation caused by the client leaving is answered 499; any other cancellation is still a failure.</summary>
public class AbandonedRequestsAreNotErrors
{
    private static RequestDelegate Pipeline(RequestDelegate handler)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseAbandonedRequests();
        app.Run(handler);
        return app.Build();
    }

    [Fact]
    public async Task Work_cancelled_because_the_client_left_is_answered_499()
    {
        using var left = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = left.Token };
        var pipeline = Pipeline(async http =>
        {
            await left.CancelAsync();
            http.RequestAborted.ThrowIfCancellationRequested();
        });

        await pipeline(context);

        Assert.Equal(StatusCodes.Status499ClientClosedRequest, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_while_the_client_is_still_there_stays_a_failure()
    {
        var context = new DefaultHttpContext();
        var pipeline = Pipeline(_ => throw new TaskCanceledException("a timeout inside the app"));

        await Assert.ThrowsAsync<TaskCanceledException>(() => pipeline(context));
    }

    [Fact]
    public async Task A_commit_cancelled_with_its_request_is_not_logged_as_an_error_but_a_failed_one_is_with_its_exception()
    {
        await using var app = new CareAppFactory();
        await app.WithDatabase(async db =>
        {
            using var left = new CancellationTokenSource();
            await using (var cancelled = await db.Database.BeginTransactionAsync())
            {
                await left.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.CommitAsync(left.Token));
            }

            var failed = await db.Database.BeginTransactionAsync();
            await failed.DisposeAsync();
            await Assert.ThrowsAnyAsync<InvalidOperationException>(() => failed.CommitAsync());
            return 0;
        });

        var failures = app.Logs.Rendered.Where(line => line.Contains("transaction", StringComparison.OrdinalIgnoreCase)
            && !line.Contains("Executed", StringComparison.Ordinal)).ToList();
        var failure = Assert.Single(failures);
        Assert.StartsWith("A database transaction failed to \"Commit\" |", failure, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: This SqliteTransaction has completed", failure, StringComparison.Ordinal);
    }
}
