using System.Globalization;
using System.Text;
using CareCoordination.Core;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator.Coordination;

/// <summary>
/// Each member's timeline over up to three years, and the coordination it set in motion. Events per member are skewed
/// (log-normal: most members have a handful, a few have hundreds; more for members with a behavioral health story, fewer
/// for the newly enrolled), and the bench's busy members have 60 to 90. One event in four raised a flag, which opened a
/// task; one task in ten is still open, on an event of the last two weeks, most of them the last few days (about a quarter are overdue). Closed tasks were
/// claimed and worked by care managers, or closed when the PCP acknowledged the coordination message; every flag whose
/// rule tells the PCP put a message in the PCP's inbox, worded as the app words it.
/// </summary>
internal sealed class HistoryGenerator(
    PlanSize size, PlanDirectory directory, PlanAccounts accounts, PlanMembers members, PlanCare care, ClinicalCatalog catalog,
    ClinicalVocabulary vocabulary, PlanTime time, int seed)
{
    private const string AcknowledgedOutcome = "The PCP acknowledged the coordination message.";

    private static readonly string[] Completions =
    [
        "PCP office confirmed receipt; labs ordered", "Member connected with a BH practitioner; first appointment scheduled",
        "PCP reviewed the medication change; no concerns", "Medical evaluation scheduled with the PCP",
        "Member reached; appointment with BH Provider Services made", "Coordination summary faxed and receipt confirmed",
        "PCP will follow up at the next visit", "Member already in treatment; records shared",
    ];

    private static readonly string[] Cancellations =
    [
        "Member disenrolled from the plan", "Duplicate of another task for the same event", "Member declined coordination",
        "PCP already aware; no further action", "Member could not be reached after three attempts",
    ];

    private static readonly string[] NextSteps =
    [
        "Call again tomorrow morning", "Wait for the PCP office to call back", "Fax the summary again", "Confirm the appointment with the member",
        "Send the coordination summary by secure message", "Ask BH Provider Services for an update",
    ];

    private readonly FlaggedEvents _flagged = new(catalog, vocabulary, directory);

    private readonly Weighted<Account> _careManagers = CareManagerLoad(accounts, seed);

    public PlanHistory Generate()
    {
        var counts = Allocate();
        var routine = new RoutineEvents(directory, accounts, _careManagers);
        var byMember = new MemberHistory[members.All.Count + 1];
        byMember[0] = MemberHistory.Empty;
        var baseSeed = Seeds.For(seed, "history").Next();
        // Each member draws from a stream of their own, so members can be generated in parallel and still come out the same.
        Parallel.For(1, members.All.Count + 1, id =>
        {
            var random = new Random(unchecked(baseSeed + (id * 486_187_739)));
            byMember[id] = counts[id].Events == 0 ? MemberHistory.Empty : OneMember(members[id], care.ByMember[id], counts[id], routine, random);
        });
        return new PlanHistory(byMember);
    }

    /// <summary>Events, tasks and open tasks per member, adding up exactly to the plan's totals.</summary>
    private (int Events, int Tasks, int Open)[] Allocate()
    {
        var random = Seeds.For(seed, "history-counts");
        var all = members.All;
        var busy = care.BusyMembers.ToDictionary(id => id, _ => random.Next(60, 91));
        var weights = new double[all.Count + 1];
        var totalWeight = 0.0;
        foreach (var member in all)
        {
            var gaussian = random.NextGaussian();
            if (busy.ContainsKey(member.Id))
            {
                continue;
            }

            var tenure = Math.Min(1.0, (time.AsOf.DayNumber - member.EnrollmentDate.DayNumber) / 365.0);
            weights[member.Id] = Math.Exp(0.9 * gaussian) * (member.Profile == BhProfile.None ? 1.0 : 2.5) * tenure;
            totalWeight += weights[member.Id];
        }

        var remaining = size.Events - busy.Values.Sum();
        var counts = new (int Events, int Tasks, int Open)[all.Count + 1];
        var (cumulativeWeight, given, cumulativeEvents, cumulativeTasks) = (0.0, 0L, 0L, 0L);
        for (var id = 1; id <= all.Count; id++)
        {
            int events;
            if (busy.TryGetValue(id, out var fixedCount))
            {
                events = fixedCount;
            }
            else
            {
                cumulativeWeight += weights[id];
                // The running weight reaches the total (summed in the same order) at the last member who is not busy.
                var upTo = cumulativeWeight >= totalWeight ? remaining : (long)Math.Floor(remaining * (cumulativeWeight / totalWeight));
                events = (int)(upTo - given);
                given = upTo;
            }

            // One event in four raised a flag (one task each), and one task in ten is open: floors of running totals.
            var tasks = (int)(((cumulativeEvents + events) / 4) - (cumulativeEvents / 4));
            var open = (int)(((cumulativeTasks + tasks) / 10) - (cumulativeTasks / 10));
            counts[id] = (events, tasks, open);
            cumulativeEvents += events;
            cumulativeTasks += tasks;
        }

        return counts;
    }

    private MemberHistory OneMember(MemberRow member, MemberCare memberCare, (int Events, int Tasks, int Open) count, RoutineEvents routine, Random random)
    {
        var history = new MemberHistory();
        var asOf = time.AsOf;
        var age = member.AgeOn(asOf);
        var start = member.EnrollmentDate > asOf.AddDays(-3 * 365) ? member.EnrollmentDate : asOf.AddDays(-3 * 365);
        var span = Math.Max(1, asOf.DayNumber - start.DayNumber);

        // When each event happened and what it is: open tasks on recent events (skewed to the last few days), the rest anywhere.
        var slots = new List<(DateTime At, int Role)>(count.Events);
        for (var i = 0; i < count.Events; i++)
        {
            var role = i < count.Open ? 2 : i < count.Tasks ? 1 : 0;
            var u = random.NextDouble();
            var day = role == 2 ? asOf.AddDays(-1 - (int)(14 * u * u * u)) : start.AddDays((int)(u * span));
            slots.Add((time.DuringOfficeHours(day < start ? start : day, random), role));
        }

        slots.Sort((a, b) => a.At.CompareTo(b.At));
        foreach (var (at, role) in slots)
        {
            if (role == 0)
            {
                var plain = routine.Make(member, memberCare, age, random);
                history.Events.Add(new CoordinationEvent
                {
                    MemberId = member.Id,
                    Kind = plain.Kind,
                    OccurredAt = at,
                    RecordedByUserId = plain.UserId,
                    ProviderId = plain.ProviderId,
                    Summary = plain.Summary,
                    Note = plain.Note,
                    SharingDiscussedWithMember = plain.SharingDiscussed,
                });
                continue;
            }

            var trigger = FlaggedEvents.Choose(member, memberCare, age, random);
            var flagged = _flagged.Make(trigger, member, memberCare, age, time.DayOf(at), random);
            var recordedBy = accounts.UserOf(flagged.ProviderId) ?? _careManagers.Next(random).Id;
            var recorded = new CoordinationEvent
            {
                MemberId = member.Id,
                Kind = flagged.Kind,
                OccurredAt = at,
                RecordedByUserId = recordedBy,
                ProviderId = flagged.ProviderId,
                Summary = flagged.Summary,
                SharingDiscussedWithMember = random.Chance(0.75),
                Flags = [CoordinationFlag.From(flagged.Outcome, member.Id, at)],
            };
            history.Events.Add(recorded);
            var eventIndex = history.Events.Count - 1;
            var message = flagged.Outcome.Recipients.Contains(Recipient.Pcp) && member.PcpId is { } pcpId
                ? new InboxMessage
                {
                    MemberId = member.Id,
                    RecipientProviderId = pcpId,
                    Event = recorded,
                    Subject = recorded.Summary.Length <= 200 ? recorded.Summary : recorded.Summary[..197] + "...",
                    Body = MessageBody(member, recorded, flagged),
                    SentAt = at,
                    SentByUserId = recordedBy,
                }
                : null;
            if (message is not null)
            {
                history.Messages.Add(new MessageRow(message, eventIndex));
                recorded.Flags.ForEach(flag => flag.MessageSent(at));
            }

            var task = CoordinationTask.Open(member.Id, recorded, flagged.Outcome.Trigger, flagged.Outcome.Priority, flagged.Outcome.DueOn, at);
            history.Tasks.Add(new QueuedTask(task, eventIndex, random.NextGuid()));
            Work(history, history.Tasks.Count - 1, task, role == 2, message, member, random);
        }

        return history;
    }

    /// <summary>What care managers (and the PCP) did with the task, through the task's own transitions.</summary>
    private void Work(MemberHistory history, int taskIndex, CoordinationTask task, bool stillOpen, InboxMessage? message, MemberRow member, Random random)
    {
        var at = task.CreatedAt;
        void Log(TaskActivityKind kind, string userId, string? note = null, ContactMethod? method = null, ContactOutcome? outcome = null) =>
            history.Activities.Add(new ActivityRow(taskIndex, at, userId, kind, method, outcome, note));
        void Pass(double minHours, double maxHours) => at = time.Later(at, TimeSpan.FromHours(minHours + (random.NextDouble() * (maxHours - minHours))));
        string Manager() => _careManagers.Next(random).Id;

        void Claim(string userId)
        {
            Pass(0.1, 30);
            Succeeded(task.Claim(userId));
            Log(TaskActivityKind.Claimed, userId);
        }

        void Attempts(string userId, int most)
        {
            for (var i = random.Next(0, most + 1); i > 0; i--)
            {
                Pass(2, 48);
                Succeeded(task.LogContactAttempt(at));
                var method = (ContactMethod)random.Next(4);
                var outcome = method is ContactMethod.Fax or ContactMethod.SecureMessage or ContactMethod.Portal
                    ? (random.Chance(0.9) ? ContactOutcome.Sent : ContactOutcome.Failed)
                    : (ContactOutcome)random.Next(3);
                task.Event!.Flags.ForEach(flag => flag.ContactAttempted(task.Trigger, outcome, at));
                var attempt = TaskActivity.ContactAttempt(0, userId, at, method, outcome, random.Pick(NextSteps), null);
                Log(TaskActivityKind.ContactAttempt, userId, attempt.Note, method, outcome);
            }
        }

        var pcpUser = member.PcpId is { } pcp ? accounts.UserOf(pcp) : null;
        if (stillOpen)
        {
            if (random.Chance(0.4))
            {
                return;
            }

            var manager = Manager();
            Claim(manager);
            Attempts(manager, 2);
            if (random.Chance(0.3))
            {
                Pass(1, 24);
                Succeeded(task.WaitOnProvider());
                Log(TaskActivityKind.WaitingOnProvider, manager);
            }

            return;
        }

        var roll = random.NextDouble();
        if (message is not null && pcpUser is not null && roll < 0.55)
        {
            if (random.Chance(0.5))
            {
                var manager = Manager();
                Claim(manager);
                Attempts(manager, 1);
            }

            Pass(2, 120);
            Succeeded(task.CloseOnAcknowledgement(AcknowledgedOutcome, at));
            Succeeded(message.Acknowledge(pcpUser, at));
            task.Event!.Flags.ForEach(flag => flag.MessageAcknowledged(at));
            Log(TaskActivityKind.Acknowledged, pcpUser, "Closed by the PCP's acknowledgement.");
            return;
        }

        var worker = Manager();
        if (roll < 0.88)
        {
            Claim(worker);
            Attempts(worker, 2);
            if (random.Chance(0.2))
            {
                Pass(1, 24);
                Succeeded(task.WaitOnProvider());
                Log(TaskActivityKind.WaitingOnProvider, worker);
            }

            var outcome = random.Pick(Completions);
            Pass(1, 96);
            Succeeded(task.Complete(outcome, at));
            Log(TaskActivityKind.Completed, worker, outcome);
        }
        else
        {
            if (random.Chance(0.6))
            {
                Claim(worker);
                Attempts(worker, 3);
            }

            var reason = random.Pick(Cancellations);
            Pass(1, 96);
            Succeeded(task.Cancel(reason, at));
            Log(TaskActivityKind.Cancelled, worker, reason);
        }

        if (message is not null && pcpUser is not null && random.Chance(0.9))
        {
            Pass(1, 200);
            Succeeded(message.Acknowledge(pcpUser, at));
            task.Event!.Flags.ForEach(flag => flag.MessageAcknowledged(at));
        }
    }

    /// <summary>Exactly what the app's coordination recorder sends the PCP: routine coordination information, never psychotherapy notes.</summary>
    private string MessageBody(MemberRow member, CoordinationEvent recorded, FlaggedEvent flagged)
    {
        var sender = directory[flagged.ProviderId];
        var body = new StringBuilder(600);
        body.AppendLine(CultureInfo.InvariantCulture, $"About: {member.GivenName} {member.FamilyName}, born {member.DateOfBirth:yyyy-MM-dd}, member ID {member.PlanMemberId}");
        body.AppendLine(CultureInfo.InvariantCulture, $"From: {sender.GivenName} {sender.FamilyName}, {sender.Credentials}, phone {sender.Phone}, secure email {sender.SecureEmail}");
        body.AppendLine(CultureInfo.InvariantCulture, $"What happened: {recorded.Summary}");
        var outcome = flagged.Outcome;
        var ask = outcome.RequestsMedicalEvaluation ? " Please arrange a medical evaluation." : "";
        body.AppendLine(CultureInfo.InvariantCulture, $"{outcome.RuleId} {outcome.Trigger.Label()}: {outcome.Reason}{ask}");
        body.AppendLine(recorded.SharingDiscussedWithMember ? "Sharing was discussed with the member." : "Sharing was not recorded as discussed with the member.");
        body.Append("Routine coordination information for treatment (45 CFR 164.506(c)); no psychotherapy notes are included.");
        return body.ToString();
    }

    /// <summary>Care managers carry different loads; the bench care manager an ordinary one.</summary>
    private static Weighted<Account> CareManagerLoad(PlanAccounts accounts, int seed)
    {
        var random = Seeds.For(seed, "care-manager-load");
        return new(accounts.CareManagers.Select(a => (a, a == accounts.BenchCareManager ? 1.0 : Math.Exp(0.4 * random.NextGaussian()))));
    }

    private static void Succeeded(DomainChange change)
    {
        if (!change.Done)
        {
            throw new InvalidOperationException($"A generated task transition was refused: {change.Refusal}");
        }
    }

    public static void Write(BulkDatabase db, PlanHistory history)
    {
        using (var table = db.Table("CoordinationEvents", history.Events,
            "Id", "MemberId", "Kind", "OccurredAt", "RecordedByUserId", "ProviderId", "Summary", "Note", "SharingDiscussedWithMember", "IsPart2Information"))
        {
            var id = 0;
            foreach (var e in history.ByMember.SelectMany(m => m.Events))
            {
                table.Insert(++id, e.MemberId, e.Kind.ToString(), e.OccurredAt, e.RecordedByUserId, e.ProviderId, e.Summary, e.Note, e.SharingDiscussedWithMember, e.IsPart2Information);
            }
        }

        using (var table = db.Table("CoordinationFlags", history.Flags, "Id", "EventId", "Trigger", "Priority", "Reason", "DueOn", "ContactPath",
            "MemberId", "OccurredAt", "RecipientContactedAt", "RecipientAcknowledgedAt", "CommunicatedAt"))
        {
            var (id, eventId) = (0, 0);
            foreach (var e in history.ByMember.SelectMany(m => m.Events))
            {
                eventId++;
                foreach (var f in e.Flags)
                {
                    table.Insert(++id, eventId, f.Trigger.ToString(), (int)f.Priority, f.Reason, f.DueOn, f.ContactPath.ToString(),
                        f.MemberId, f.OccurredAt, f.RecipientContactedAt, f.RecipientAcknowledgedAt, f.CommunicatedAt);
                }
            }
        }

        using (var table = db.Table("CoordinationTasks", history.Tasks,
            "Id", "MemberId", "EventId", "Trigger", "Priority", "DueOn", "Status", "AssigneeUserId", "CreatedAt", "ClosedAt", "Outcome", "Version", "FirstContactAt"))
        {
            var id = 0;
            for (var memberId = 1; memberId < history.ByMember.Length; memberId++)
            {
                var firstEvent = history.FirstEventId(memberId);
                foreach (var (t, eventIndex, version) in history.ByMember[memberId].Tasks)
                {
                    table.Insert(++id, t.MemberId, firstEvent + eventIndex, t.Trigger.ToString(), (int)t.Priority, t.DueOn, t.Status.ToString(),
                        t.AssigneeUserId, t.CreatedAt, t.ClosedAt, t.Outcome, version, t.FirstContactAt);
                }
            }
        }

        using (var table = db.Table("TaskActivities", history.Activities, "Id", "TaskId", "At", "UserId", "Kind", "ContactMethod", "ContactOutcome", "Note"))
        {
            var id = 0;
            for (var memberId = 1; memberId < history.ByMember.Length; memberId++)
            {
                var firstTask = history.FirstTaskId(memberId);
                foreach (var a in history.ByMember[memberId].Activities)
                {
                    table.Insert(++id, firstTask + a.TaskIndex, a.At, a.UserId, a.Kind.ToString(), a.Method?.ToString(), a.Outcome?.ToString(), a.Note);
                }
            }
        }

        using (var table = db.Table("InboxMessages", history.Messages,
            "Id", "MemberId", "RecipientProviderId", "EventId", "Subject", "Body", "SentAt", "SentByUserId", "AcknowledgedAt", "AcknowledgedByUserId"))
        {
            var id = 0;
            for (var memberId = 1; memberId < history.ByMember.Length; memberId++)
            {
                var firstEvent = history.FirstEventId(memberId);
                foreach (var (m, eventIndex) in history.ByMember[memberId].Messages)
                {
                    table.Insert(++id, m.MemberId, m.RecipientProviderId, firstEvent + eventIndex, m.Subject, m.Body, m.SentAt, m.SentByUserId,
                        m.AcknowledgedAt, m.AcknowledgedByUserId);
                }
            }
        }
    }
}
