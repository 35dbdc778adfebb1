using System.Data.Common;
using System.Diagnostics;
using System.Net;
using CareCoordination.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>The app with a two-second busy timeout, so that waiting past it takes two seconds, not five.</summary>
public sealed class ShortBusyTimeoutAppFactory : CareAppFactory
{
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(DatabaseSettings.BusyTimeoutKey, BusyTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// SQLite lets one connection write at a time. A save waits for another's write lock up to the busy timeout and then
/// goes ahead; if the lock is held longer, the save fails within the timeout (never a hang) with the error page, and
/// nothing of it is written.
/// </summary>
public class WaitingForTheWriteLock(ShortBusyTimeoutAppFactory app) : IClassFixture<ShortBusyTimeoutAppFactory>
{
    private static readonly TimeSpan Brief = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task The_file_is_in_wal_mode_with_full_sync_and_every_connection_has_the_busy_timeout()
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();

            Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
            Assert.Equal("2", await PragmaAsync(connection, "synchronous")); // FULL: a commit is on disk before it is acknowledged
            Assert.Equal("2000", await PragmaAsync(connection, "busy_timeout"));
            Assert.Equal(2, new SqliteConnectionStringBuilder(connection.ConnectionString).DefaultTimeout);
        }
    }

    [Fact]
    public async Task A_write_waits_for_a_lock_held_briefly_then_goes_through()
    {
        await using var holder = await WriteLockAsync();
        var token = Guid.NewGuid();

        var clock = Stopwatch.StartNew();
        // On a thread of its own: Microsoft.Data.Sqlite's async methods block while they wait.
        var write = Task.Run(() => WriteTokenAsync(token));
        await Task.Delay(Brief);
        Assert.False(write.IsCompleted, "The write did not wait for the lock.");
        await holder.ReleaseAsync();
        await write;

        Assert.InRange(clock.Elapsed, Brief, ShortBusyTimeoutAppFactory.BusyTimeout);
        Assert.True(await app.WithDatabase(db => db.SubmissionTokens.AnyAsync(t => t.Id == token)));
    }

    [Fact]
    public async Task A_write_gives_up_with_sqlite_busy_once_the_lock_is_held_past_the_timeout()
    {
        await using var holder = await WriteLockAsync();
        var token = Guid.NewGuid();

        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => WriteTokenAsync(token));

        Assert.InRange(clock.Elapsed, ShortBusyTimeoutAppFactory.BusyTimeout - TimeSpan.FromMilliseconds(100), ShortBusyTimeoutAppFactory.BusyTimeout * 2);
        var busy = Assert.IsType<SqliteException>(failure as SqliteException ?? failure.InnerException);
        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        await holder.ReleaseAsync();
        Assert.False(await app.WithDatabase(db => db.SubmissionTokens.AnyAsync(t => t.Id == token)));
    }

    [Fact]
    public async Task A_finding_saved_while_another_save_holds_the_lock_briefly_is_recorded_after_the_wait()
    {
        var (client, url, page, fields) = await FindingFormAsync(skip: 5);
        await using var holder = await WriteLockAsync();

        var clock = Stopwatch.StartNew();
        var save = Task.Run(() => client.PostFormAsync(url, page, fields));
        await Task.Delay(Brief);
        Assert.False(save.IsCompleted, "The save did not wait for the lock.");
        await holder.ReleaseAsync();
        var response = await save;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("/Events/\\d+$", response.Headers.Location!.ToString());
        Assert.InRange(clock.Elapsed, Brief, ShortBusyTimeoutAppFactory.BusyTimeout);
    }

    [Fact]
    public async Task A_finding_saved_while_the_lock_is_held_past_the_timeout_shows_the_error_page_saves_nothing_and_can_be_sent_again()
    {
        var (client, url, page, fields) = await FindingFormAsync(skip: 6);
        var holder = await WriteLockAsync();
        var before = await DatabaseSnapshot.TakeAsync(app.DatabasePath);

        var clock = Stopwatch.StartNew();
        var response = await client.PostFormAsync(url, page, new(fields));
        var waited = clock.Elapsed;
        await holder.DisposeAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.InRange(waited, ShortBusyTimeoutAppFactory.BusyTimeout - TimeSpan.FromMilliseconds(100), ShortBusyTimeoutAppFactory.BusyTimeout * 2);
        var text = Browsing.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing you entered was saved.", text, StringComparison.Ordinal);
        Assert.Matches(@"Reference:\s+\S+", text);
        (await DatabaseSnapshot.TakeAsync(app.DatabasePath)).AssertUnchangedSince(before, "A save that timed out waiting for the lock");

        var again = await client.PostFormAsync(url, page, new(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    /// <summary>Another connection of the app, in a transaction that holds the write lock until released.</summary>
    private async Task<LockHolder> WriteLockAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        var transaction = await scope.ServiceProvider.GetRequiredService<CareDbContext>().Database.BeginTransactionAsync();
        return new LockHolder(scope, transaction);
    }

    private async Task WriteTokenAsync(Guid token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareDbContext>();
        db.SubmissionTokens.Add(new SubmissionToken { Id = token, UserId = "lock-test", UsedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<(HttpClient Client, string Url, string Page, Dictionary<string, string> Fields)> FindingFormAsync(int skip)
    {
        var memberId = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Skip(skip).Select(m => m.Id).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var url = $"/Members/{memberId}/Findings/New";
        var page = await client.GetStringAsync(url);
        return (client, url, page, new()
        {
            ["Input.Category"] = "Anxiety",
            ["Input.Gad7"] = "12",
            ["Input.NextStep"] = "Routine",
            ["Input.SharingDiscussedWithMember"] = "true",
            ["SubmissionId"] = Browsing.HiddenValue(page, "SubmissionId")!,
        });
    }

    private static async Task<string?> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class LockHolder(AsyncServiceScope scope, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async Task ReleaseAsync() => await transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}
