using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;

namespace CareCoordination.Core.Tests.Coordination;

/// <summary>
/// A flag keeps the first time its recipient was contacted, acknowledged it, and had it communicated: the facts the
/// exchange-of-information and psychotropic-starts reports count.
/// </summary>
public class TrackingHowFarCoordinationGot
{
    private static readonly DateTime Recorded = new(2026, 11, 23, 17, 0, 0, DateTimeKind.Utc);

    private static CoordinationFlag StartFlag() => new()
    {
        MemberId = 7,
        OccurredAt = Recorded,
        Trigger = CoordinationTrigger.PsychotropicStartOrChange,
        Priority = Priority.High,
        Reason = "New psychotropic.",
        DueOn = new DateOnly(2026, 11, 25),
        ContactPath = ContactPath.PcpOffice,
    };

    [Fact]
    public void A_new_flag_has_reached_nobody()
    {
        var flag = StartFlag();

        Assert.Null(flag.RecipientContactedAt);
        Assert.Null(flag.RecipientAcknowledgedAt);
        Assert.Null(flag.CommunicatedAt);
    }

    [Fact]
    public void Sending_the_message_contacts_the_recipient_but_communicates_nothing_yet()
    {
        var flag = StartFlag();

        flag.MessageSent(Recorded);

        Assert.Equal(Recorded, flag.RecipientContactedAt);
        Assert.Null(flag.RecipientAcknowledgedAt);
        Assert.Null(flag.CommunicatedAt);
    }

    [Fact]
    public void The_pcp_acknowledging_the_message_acknowledges_and_communicates()
    {
        var flag = StartFlag();
        flag.MessageSent(Recorded);

        flag.MessageAcknowledged(Recorded.AddHours(5));

        Assert.Equal(Recorded, flag.RecipientContactedAt);
        Assert.Equal(Recorded.AddHours(5), flag.RecipientAcknowledgedAt);
        Assert.Equal(Recorded.AddHours(5), flag.CommunicatedAt);
    }

    [Theory]
    [InlineData(ContactOutcome.Reached, true, true)]
    [InlineData(ContactOutcome.Sent, false, true)]
    [InlineData(ContactOutcome.LeftMessage, false, false)]
    [InlineData(ContactOutcome.NoAnswer, false, false)]
    [InlineData(ContactOutcome.Failed, false, false)]
    public void A_contact_attempt_on_the_rules_own_task_counts_by_its_outcome(ContactOutcome outcome, bool acknowledged, bool communicated)
    {
        var flag = StartFlag();
        var at = Recorded.AddDays(1);

        flag.ContactAttempted(CoordinationTrigger.PsychotropicStartOrChange, outcome, at);

        Assert.Equal(at, flag.RecipientContactedAt);
        Assert.Equal(acknowledged ? at : null, flag.RecipientAcknowledgedAt);
        Assert.Equal(communicated ? at : null, flag.CommunicatedAt);
    }

    [Fact]
    public void A_contact_attempt_on_another_rules_task_of_the_same_event_does_not_communicate_this_rule()
    {
        var flag = StartFlag();
        var at = Recorded.AddDays(1);

        flag.ContactAttempted(CoordinationTrigger.NewMemberComorbidityOrChange, ContactOutcome.Reached, at);

        Assert.Equal(at, flag.RecipientContactedAt);
        Assert.Equal(at, flag.RecipientAcknowledgedAt);
        Assert.Null(flag.CommunicatedAt);
    }

    [Fact]
    public void The_first_time_stays_whatever_order_the_facts_arrive_in()
    {
        var flag = StartFlag();
        var early = Recorded.AddHours(1);
        var late = Recorded.AddDays(3);

        flag.ContactAttempted(CoordinationTrigger.PsychotropicStartOrChange, ContactOutcome.Reached, late);
        flag.MessageAcknowledged(early);
        flag.ContactAttempted(CoordinationTrigger.PsychotropicStartOrChange, ContactOutcome.Sent, late.AddDays(1));
        flag.MessageSent(early.AddMinutes(-30));

        Assert.Equal(early.AddMinutes(-30), flag.RecipientContactedAt);
        Assert.Equal(early, flag.RecipientAcknowledgedAt);
        Assert.Equal(early, flag.CommunicatedAt);
    }

    [Fact]
    public void A_flag_made_from_a_rule_outcome_carries_its_events_member_and_time()
    {
        var outcome = new RuleOutcome(CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "New psychotropic.", "Manual text.", [Recipient.Pcp],
            ContactPath.PcpOffice, new DateOnly(2026, 11, 25));

        var flag = CoordinationFlag.From(outcome, memberId: 7, Recorded);

        Assert.Equal(7, flag.MemberId);
        Assert.Equal(Recorded, flag.OccurredAt);
        Assert.Equal(CoordinationTrigger.PsychotropicStartOrChange, flag.Trigger);
    }
}
