using System.Net;
using CareCoordination.Web.Data;
using CareCoordination.Web.Data.Resilience;
using CareCoordination.Web.Tests.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Faults;

/// <summary>One node's SQLite writers take turns (decision 0008); no turn is kept by a failure or waited for by its own holder.</summary>
public class TakingTurnsToWrite(FaultInjectingAppFactory app) : IClassFixture<FaultInjectingAppFactory>
{
    private static SqliteCareDbContext Sqlite() => new(new DbContextOptionsBuilder<SqliteCareDbContext>().UseSqlite("Data Source=turns.db").Options);

    [Fact]
    public async Task A_writer_waits_until_the_one_before_it_is_done()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(1));
        await using var db = Sqlite();
        var first = await gate.EnterAsync(db, "request 1", CancellationToken.None);

        var second = gate.EnterAsync(db, "request 2", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        Assert.True(gate.IsFree);
    }

    [Fact]
    public async Task The_request_holding_the_turn_is_let_through_instead_of_waiting_on_itself()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(1));
        await using var db = Sqlite();
        var request = new object();
        var held = await gate.EnterAsync(db, request, CancellationToken.None);

        var again = gate.EnterAsync(db, request, CancellationToken.None);

        Assert.True(again.IsCompletedSuccessfully);
        (await again).Dispose();
        Assert.False(gate.IsFree); // the pass-through gave nothing back; the holder still has its turn
        held.Dispose();
        Assert.True(gate.IsFree);
    }

    [Fact]
    public async Task A_writer_that_waits_past_the_busy_timeout_goes_ahead_and_leaves_the_holder_its_turn()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(50));
        await using var db = Sqlite();
        var held = await gate.EnterAsync(db, "request 1", CancellationToken.None);

        (await gate.EnterAsync(db, "request 2", CancellationToken.None)).Dispose();

        Assert.False(gate.IsFree);
        held.Dispose();
        Assert.True(gate.IsFree);
    }

    [Fact]
    public async Task Sql_server_writers_do_not_queue_in_the_app()
    {
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(1));
        await using var db = new SqlServerCareDbContext(new DbContextOptionsBuilder<SqlServerCareDbContext>().UseSqlServer("Server=unused").Options);

        using var turn = await gate.EnterAsync(db, "request 1", CancellationToken.None);

        Assert.True(gate.IsFree);
    }

    [Fact]
    public async Task A_failed_audited_read_and_a_failed_save_give_their_turns_back()
    {
        var gate = app.Services.GetRequiredService<SqliteWriteGate>();
        var memberId = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.Members.Where(m => m.PcpId == pcp).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var form = await client.GetStringAsync($"/Members/{memberId}/Labs/New");

        app.Faults.Arm(failCommit: true);
        var read = await client.GetAsync($"/Members/{memberId}");
        app.Faults.Disarm();
        Assert.Equal(HttpStatusCode.InternalServerError, read.StatusCode);
        Assert.True(gate.IsFree);

        app.Faults.Arm(failCommit: true);
        var save = await client.PostFormAsync($"/Members/{memberId}/Labs/New", form, new()
        {
            ["Input.Purpose"] = "MedicationMonitoring", ["Input.DrawnOn"] = app.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MonitoringTest"] = "LithiumLevel", ["Input.MonitoringValue"] = "0.7", ["SubmissionId"] = Browsing.HiddenValue(form, "SubmissionId")!,
        });
        app.Faults.Disarm();
        Assert.Equal(HttpStatusCode.InternalServerError, save.StatusCode);
        Assert.True(gate.IsFree);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Members/{memberId}")).StatusCode);
    }
}
