using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Audit;

/// <summary>The trail is append-only in the database itself, hash-chained, and the admin check finds tampering.</summary>
public class AuditTrailIntegrity(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task The_chain_holds_across_concurrent_writers_and_the_admin_check_says_so()
    {
        var ids = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).Select(m => m.Id).Take(30).ToListAsync());
        var clients = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.SignedInAs(Browsing.CareManager)));
        await Task.WhenAll(ids.Select((id, i) => clients[i % clients.Length].GetAsync($"/Members/{id}")));

        var page = Browsing.Text(await (await app.SignedInAs(Browsing.Admin)).GetStringAsync("/Admin/Audit/Verify"));

        var sealedCount = await app.WithDatabase(db => db.AuditEntries.CountAsync(a => a.Hash != ""));
        Assert.Contains("The chain is intact", page, StringComparison.Ordinal);
        Assert.Contains($"All {sealedCount - 1} sealed entries verified", page, StringComparison.Ordinal); // the check's own entry is written after it runs
        Assert.True(sealedCount > 40);
    }

    [Theory]
    [InlineData("UPDATE AuditEntries SET Outcome = 'Success' WHERE Id = (SELECT MIN(Id) FROM AuditEntries)")]
    [InlineData("DELETE FROM AuditEntries WHERE Id = (SELECT MAX(Id) FROM AuditEntries)")]
    public async Task The_database_refuses_to_change_or_remove_an_entry(string sql)
    {
        var before = await app.WithDatabase(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Id, a.Outcome, a.Hash }).ToListAsync());
        var refused = await Assert.ThrowsAsync<SqliteException>(() => app.WithDatabase(db => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        var after = await app.WithDatabase(db => db.AuditEntries.OrderBy(a => a.Id).Take(before.Count).Select(a => new { a.Id, a.Outcome, a.Hash }).ToListAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_viewer_filters_pages_and_exports_without_putting_member_ids_in_urls()
    {
        var member = await app.WithDatabase(db => db.Members.OrderBy(m => m.Id).Skip(2).FirstAsync());
        await (await app.SignedInAs(Browsing.CareManager)).GetAsync($"/Members/{member.Id}");
        var admin = await app.SignedInAs(Browsing.Admin);

        var page = await admin.GetStringAsync("/Admin/Audit");
        var redirect = await admin.PostFormAsync("/Admin/Audit?handler=Member", page, new() { ["PlanMemberId"] = member.PlanMemberId.ToLowerInvariant() });
        var location = redirect.Headers.Location!.ToString();
        Assert.Contains($"Filter.Member={member.Id}", location, StringComparison.Ordinal);
        Assert.DoesNotContain(member.PlanMemberId, location, StringComparison.OrdinalIgnoreCase);

        var filtered = Browsing.Text(await admin.GetStringAsync(location));
        Assert.Contains("MemberRecordViewed", filtered, StringComparison.Ordinal);
        Assert.Contains(member.PlanMemberId, filtered, StringComparison.Ordinal);

        var csv = await admin.GetAsync($"/Admin/Audit/Export?Filter.Member={member.Id}&Filter.Action=MemberRecordViewed");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,occurred_at_utc,user,action,content,member_id,outcome,correlation_id", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Contains($",MemberRecordViewed,,{member.PlanMemberId},", line, StringComparison.Ordinal));
        Assert.True(lines.Length > 1);
    }

    [Theory]
    [InlineData(Browsing.Pcp)]
    [InlineData(Browsing.Bh)]
    [InlineData(Browsing.CareManager)]
    public async Task Only_administrators_read_the_trail(string email)
    {
        var client = await app.SignedInAs(email);
        foreach (var url in new[] { "/Admin/Audit", "/Admin/Audit/Verify", "/Admin/Audit/Export" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}

/// <summary>Someone with direct write access to the database gets past the triggers; the chain check still catches them.</summary>
public class AuditTamperingIsDetected(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private async Task<string> VerifyPage() => Browsing.Text(await (await app.SignedInAs(Browsing.Admin)).GetStringAsync("/Admin/Audit/Verify"));

    [Fact]
    public async Task Altering_and_then_removing_entries_are_reported_where_they_happen()
    {
        Assert.Contains("The chain is intact", await VerifyPage(), StringComparison.Ordinal);
        var (altered, removed) = await app.WithDatabase(async db =>
        {
            var ids = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Id).Skip(5).Take(10).ToListAsync();
            return (ids[0], ids[5]);
        });

        await app.WithDatabase(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete;"));
        await app.WithDatabase(db => db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET Outcome = 'Denied' WHERE Id = {removed};"));
        var afterAlteration = await VerifyPage();
        Assert.Contains($"The chain is broken at entry #{removed}", afterAlteration, StringComparison.Ordinal);
        Assert.Contains("altered after it was written", afterAlteration, StringComparison.Ordinal);

        await app.WithDatabase(db => db.Database.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Id = {altered};"));
        var afterRemoval = await VerifyPage();
        Assert.Contains("The chain is broken at entry #", afterRemoval, StringComparison.Ordinal);
        Assert.Contains("removed or reordered", afterRemoval, StringComparison.Ordinal);
    }
}
