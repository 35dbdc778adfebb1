using System.Data.Common;
using CareCoordination.Core.Coordination;
using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Queue;

/// <summary>The same app and database file, with an EF Core interceptor watching or meddling with its commands.</summary>
public static class DatabaseSpies
{
    public static WebApplicationFactory<Program> WithInterceptor(this CareAppFactory app, IInterceptor interceptor) =>
        app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteCareDbContext>(options => options.AddInterceptors(interceptor))));

    public static async Task<HttpClient> SignedInClient(this WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }
}

/// <summary>Counts the SQL commands the app sends, to show a page costs the same number of queries however many rows it shows.</summary>
public sealed class CountingCommands : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// Plays the other care manager whose change lands between this request's read of a task and its write: just before
/// the task is saved, it sets the task waiting on the provider with a new version, once.
/// </summary>
public sealed class ChangeLandsFirst(int taskId) : SaveChangesInterceptor
{
    private int _done;

    public Guid? TheirVersion { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        var context = eventData.Context!;
        var savingTheTask = context.ChangeTracker.Entries<CoordinationTask>().Any(e => e.Entity.Id == taskId && e.State == EntityState.Modified);
        if (savingTheTask && Interlocked.Exchange(ref _done, 1) == 0)
        {
            var theirs = Guid.NewGuid();
            await context.Set<CoordinationTask>().Where(t => t.Id == taskId).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, CoordinationTaskStatus.WaitingOnProvider)
                .SetProperty(t => t.Version, theirs), cancellationToken);
            TheirVersion = theirs;
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
