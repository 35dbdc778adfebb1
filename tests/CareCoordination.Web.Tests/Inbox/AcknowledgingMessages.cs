using System.Net;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Coordination;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Inbox;

/// <summary>The PCP's inbox of coordination messages from BH practitioners; acknowledging one closes the loop on its tasks.</summary>
public class AcknowledgingMessages(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    private Task<List<InboxMessage>> MessagesFor(string email) => app.WithDatabase(async db =>
    {
        var pcp = await MemberRecordAccess.ProviderOf(db, email);
        return await db.InboxMessages.Where(m => m.RecipientProviderId == pcp).OrderBy(m => m.Id).ToListAsync();
    });

    [Fact]
    public async Task The_pcp_sees_every_waiting_message_with_what_was_shared()
    {
        var messages = await MessagesFor(Browsing.Pcp);
        Assert.NotEmpty(messages);

        var text = Browsing.Text(await (await app.SignedInAs(Browsing.Pcp)).GetStringAsync("/Inbox"));
        Assert.Contains($"To acknowledge {messages.Count(m => !m.IsAcknowledged)}", text, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Contains(m.Subject, text, StringComparison.Ordinal));
        Assert.Contains("no psychotherapy notes are included", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_a_message_completes_the_tasks_waiting_on_the_pcp_and_is_audited()
    {
        var withOpenTasks = await app.WithDatabase(db => db.CoordinationTasks
            .Where(t => t.Status == CoordinationTaskStatus.Open || t.Status == CoordinationTaskStatus.InProgress).Select(t => t.EventId).ToListAsync());
        var message = (await MessagesFor(Browsing.Pcp)).First(m => !m.IsAcknowledged && withOpenTasks.Contains(m.EventId));
        var client = await app.SignedInAs(Browsing.Pcp);
        var inbox = await client.GetStringAsync("/Inbox");

        var response = await client.PostFormAsync($"/Inbox?handler=Acknowledge&messageId={message.Id}", inbox, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Acknowledged. The coordination task is complete.", Browsing.Text(await client.GetStringAsync("/Inbox")), StringComparison.Ordinal);
        var (acknowledged, tasks, activities, audited) = await app.WithDatabase(async db => (
            (await db.InboxMessages.SingleAsync(m => m.Id == message.Id)).IsAcknowledged,
            await db.CoordinationTasks.Where(t => t.EventId == message.EventId).ToListAsync(),
            await db.TaskActivities.CountAsync(a => a.Kind == TaskActivityKind.Acknowledged),
            await db.AuditEntries.CountAsync(a => a.Action == AuditAction.InboxMessageAcknowledged && a.MemberId == message.MemberId)));
        Assert.True(acknowledged);
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Equal(CoordinationTaskStatus.Completed, t.Status));
        Assert.True(activities >= tasks.Count);
        Assert.Equal(1, audited);

        await client.PostFormAsync($"/Inbox?handler=Acknowledge&messageId={message.Id}", inbox, []);
        Assert.Contains("This message was already acknowledged.", Browsing.Text(await client.GetStringAsync("/Inbox")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_pcps_message_is_not_found()
    {
        var foreign = await app.WithDatabase(async db =>
        {
            var pcp = await MemberRecordAccess.ProviderOf(db, Browsing.Pcp);
            return await db.InboxMessages.Where(m => m.RecipientProviderId != pcp).Select(m => m.Id).FirstAsync();
        });
        var client = await app.SignedInAs(Browsing.Pcp);
        var response = await client.PostFormAsync($"/Inbox?handler=Acknowledge&messageId={foreign}", await client.GetStringAsync("/Inbox"), []);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await app.WithDatabase(db => db.InboxMessages.Where(m => m.Id == foreign).Select(m => m.AcknowledgedAt != null).SingleAsync()));
    }

    [Theory]
    [InlineData(Browsing.Bh)]
    [InlineData(Browsing.CareManager)]
    [InlineData(Browsing.Admin)]
    public async Task Only_pcps_have_an_inbox(string email)
    {
        var response = await (await app.SignedInAs(email)).GetAsync("/Inbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
