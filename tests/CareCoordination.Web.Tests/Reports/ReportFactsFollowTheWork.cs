using CareCoordination.Core.Coordination;
using CareCoordination.Web.Tests.Queue;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>
/// The reports count facts kept on flags and tasks (decision 0009). Recording an event, logging a contact attempt and the
/// PCP acknowledging a message, each through its page, keep those facts in the same save.
/// </summary>
public class ReportFactsFollowTheWork(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    [Fact]
    public async Task A_recorded_flag_carries_its_events_member_and_time_and_the_message_sent_contacts_the_recipient()
    {
        var flags = await app.WithDatabase(db => (
            from f in db.CoordinationFlags
            join e in db.CoordinationEvents on f.EventId equals e.Id
            select new
            {
                f.MemberId,
                f.OccurredAt,
                EventMemberId = e.MemberId,
                EventOccurredAt = e.OccurredAt,
                f.RecipientContactedAt,
                Sent = db.InboxMessages.Where(m => m.EventId == e.Id).Min(m => (DateTime?)m.SentAt),
            }).ToListAsync());

        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Equal((f.EventMemberId, f.EventOccurredAt), (f.MemberId, f.OccurredAt)));
        Assert.Contains(flags, f => f.Sent is null);
        Assert.All(flags.Where(f => f.Sent is not null), f => Assert.True(f.RecipientContactedAt <= f.Sent));
    }

    [Fact]
    public async Task A_contact_attempt_that_reached_the_pcp_contacts_acknowledges_and_communicates_its_own_rule()
    {
        var task = await app.WithDatabase(db => db.CoordinationTasks.AsNoTracking()
            .Where(t => t.Status == CoordinationTaskStatus.Open && t.EventId != null
                && db.CoordinationFlags.Any(f => f.EventId == t.EventId && f.Trigger == t.Trigger && f.RecipientAcknowledgedAt == null && f.CommunicatedAt == null))
            .OrderBy(t => t.Id).FirstAsync());
        var client = await app.SignedInAs(Browsing.CareManager);
        await client.FollowedAsync(await client.ActAsync(task.Id, "Claim"), task.Id);

        await client.FollowedAsync(await client.ActAsync(task.Id, "ContactAttempt", new()
        {
            ["ContactAttempt.Method"] = "Phone",
            ["ContactAttempt.Outcome"] = "Reached",
            ["ContactAttempt.NextStep"] = "None: the PCP has the plan",
        }), task.Id);

        var (attemptAt, firstContactAt, flags) = await app.WithDatabase(async db => (
            await db.TaskActivities.Where(a => a.TaskId == task.Id && a.Kind == TaskActivityKind.ContactAttempt).Select(a => a.At).SingleAsync(),
            await db.CoordinationTasks.Where(t => t.Id == task.Id).Select(t => t.FirstContactAt).SingleAsync(),
            await db.CoordinationFlags.AsNoTracking().Where(f => f.EventId == task.EventId).ToListAsync()));
        Assert.Equal(attemptAt, firstContactAt);
        var own = Assert.Single(flags, f => f.Trigger == task.Trigger);
        Assert.Equal(attemptAt, own.RecipientAcknowledgedAt);
        Assert.Equal(attemptAt, own.CommunicatedAt);
        Assert.All(flags, f => Assert.True(f.RecipientContactedAt <= attemptAt));
    }

    [Fact]
    public async Task A_contact_attempt_that_left_a_message_contacts_but_neither_acknowledges_nor_communicates()
    {
        var task = await app.WithDatabase(db => db.CoordinationTasks.AsNoTracking()
            .Where(t => t.Status == CoordinationTaskStatus.Open && t.EventId != null
                && db.CoordinationFlags.Any(f => f.EventId == t.EventId && f.Trigger == t.Trigger && f.RecipientContactedAt == null))
            .OrderByDescending(t => t.Id).FirstAsync());
        var client = await app.SignedInAs(Browsing.CareManager);
        await client.FollowedAsync(await client.ActAsync(task.Id, "Claim"), task.Id);

        await client.FollowedAsync(await client.ActAsync(task.Id, "ContactAttempt", new()
        {
            ["ContactAttempt.Method"] = "Phone",
            ["ContactAttempt.Outcome"] = "LeftMessage",
            ["ContactAttempt.NextStep"] = "Call back tomorrow",
        }), task.Id);

        var (attemptAt, own) = await app.WithDatabase(async db => (
            await db.TaskActivities.Where(a => a.TaskId == task.Id && a.Kind == TaskActivityKind.ContactAttempt).Select(a => a.At).SingleAsync(),
            await db.CoordinationFlags.AsNoTracking().SingleAsync(f => f.EventId == task.EventId && f.Trigger == task.Trigger)));
        Assert.Equal(attemptAt, own.RecipientContactedAt);
        Assert.Null(own.RecipientAcknowledgedAt);
        Assert.Null(own.CommunicatedAt);
    }

    [Fact]
    public async Task The_pcp_acknowledging_the_message_acknowledges_and_communicates_every_flag_of_its_event()
    {
        var pcp = await app.WithDatabase(db => MemberRecordAccess.ProviderOf(db, Browsing.Pcp));
        var message = await app.WithDatabase(db => db.InboxMessages.AsNoTracking()
            .Where(m => m.RecipientProviderId == pcp && m.AcknowledgedAt == null
                && db.CoordinationFlags.Where(f => f.EventId == m.EventId).All(f => f.RecipientAcknowledgedAt == null && f.CommunicatedAt == null))
            .OrderBy(m => m.Id).FirstAsync());
        var client = await app.SignedInAs(Browsing.Pcp);

        await client.PostFormAsync($"/Inbox?handler=Acknowledge&messageId={message.Id}", await client.GetStringAsync("/Inbox"), []);

        var (acknowledgedAt, flags) = await app.WithDatabase(async db => (
            await db.InboxMessages.Where(m => m.Id == message.Id).Select(m => m.AcknowledgedAt).SingleAsync(),
            await db.CoordinationFlags.AsNoTracking().Where(f => f.EventId == message.EventId).ToListAsync()));
        Assert.NotNull(acknowledgedAt);
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.Equal((acknowledgedAt, acknowledgedAt), (f.RecipientAcknowledgedAt, f.CommunicatedAt)));
    }
}
