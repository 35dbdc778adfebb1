using System.Globalization;
using CareCoordination.Core;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

using CareCoordination.Web.Tests.Releases;

namespace CareCoordination.Web.Tests.Reports;

/// <summary>
/// The fixed world the report tests count by hand. Times are written in the plan's local time (Los Angeles; daylight
/// saving starts Sunday 8 March 2026). Each report has its own corner of it:
/// <list type="bullet">
/// <item>The queue, 2–15 March (tasks t1–t12, events e1–e12, PCP messages m1–m3): dashboard, exchange of information, workload.</item>
/// <item>Psychotropic starts, 9–22 February around Presidents' Day (p1–p7).</item>
/// <item>Consent gaps as of today (c1–c8) and blocked requests in March.</item>
/// <item>Medication monitoring as of today (L1–L4, C1, A1–A5).</item>
/// </list>
/// </summary>
public sealed class ReportWorld
{
    public static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    private readonly Dictionary<string, Member> _members = [];
    private readonly CareDbContext _db;
    private int _providers;

    private ReportWorld(CareDbContext db) => _db = db;

    public int North { get; private set; }

    public int South { get; private set; }

    public string CareManagerId { get; private set; } = "";

    /// <summary>The member's internal id, by its key in this world ("c1", "L2"...).</summary>
    public int Member(string key) => _members[key].Id;

    public string PlanMemberId(string key) => _members[key].PlanMemberId;

    public string Name(string key) => _members[key].FullName;

    /// <summary>A plan-local time ("2026-03-02 09:00") as the UTC instant the database stores.</summary>
    public static DateTime At(string local) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Pacific), DateTimeKind.Utc);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<ReportWorld> SeedAsync(IServiceProvider services)
    {
        var world = new ReportWorld(services.GetRequiredService<CareDbContext>());
        await world.SeedAsync(services.GetRequiredService<UserManager<CareUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>());
        return world;
    }

    private async Task SeedAsync(UserManager<CareUser> users, RoleManager<IdentityRole> roles)
    {
        foreach (var role in CareRoles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var north = new ParticipatingPhysicianGroup { Name = "North Shore Medical Group" };
        var south = new ParticipatingPhysicianGroup { Name = "South Bay Physicians" };
        _db.Ppgs.AddRange(north, south);
        await _db.SaveChangesAsync();
        (North, South) = (north.Id, south.Id);
        var pcpNorth = Provider("Nadia", "Northcott", ProviderKind.PrimaryCarePhysician, north.Id);
        var pcpSouth = Provider("Samir", "Southwell", ProviderKind.PrimaryCarePhysician, south.Id);
        var bh = Provider("Bianca", "Hartley", ProviderKind.BehavioralHealthPractitioner, null);
        await _db.SaveChangesAsync();

        var cm = await User(users, Browsing.CareManager, "Jordan Ellis", CareRoles.CareManager, null);
        var cm2 = await User(users, "cm2@demo.test", "Riley Chen", CareRoles.CareManager, null);
        await User(users, Browsing.Admin, "Alex Morgan", CareRoles.Admin, null);
        var pcpUser = await User(users, Browsing.Pcp, "Dr. Nadia Northcott", CareRoles.Pcp, pcpNorth.Id);
        var bhUser = await User(users, Browsing.Bh, "Dr. Bianca Hartley", CareRoles.BhClinician, bh.Id);
        CareManagerId = cm.Id;

        AddMembers(pcpNorth, pcpSouth);
        await _db.SaveChangesAsync();

        await AddQueueAsync(cm.Id, cm2.Id, pcpUser.Id, bhUser.Id, pcpNorth.Id, pcpSouth.Id);
        await AddPsychotropicStartsAsync(cm.Id, pcpUser.Id, bhUser.Id, pcpNorth.Id, pcpSouth.Id);
        AddConsent(bh.Id, north.Id, pcpUser.Id);
        AddMonitoring(bh.Id, bhUser.Id);
        await _db.SaveChangesAsync();
    }

    private Provider Provider(string given, string family, ProviderKind kind, int? ppgId)
    {
        var nineDigits = $"17770{++_providers:D4}";
        var provider = new Provider
        {
            Npi = Npi.Parse(nineDigits + Npi.CheckDigitFor(nineDigits)),
            GivenName = given,
            FamilyName = family,
            Credentials = "MD",
            Kind = kind,
            Discipline = kind == ProviderKind.BehavioralHealthPractitioner ? BhDiscipline.Psychiatrist : null,
            CanPrescribe = true,
            PpgId = ppgId,
        };
        _db.Providers.Add(provider);
        return provider;
    }

    private static async Task<CareUser> User(UserManager<CareUser> users, string email, string name, string role, int? providerId)
    {
        var user = new CareUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ProviderId = providerId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    private void AddMembers(Provider pcpNorth, Provider pcpSouth)
    {
        (string Key, string Given, string Family, string Born, bool InNorth)[] members =
        [
            ("qNorth", "Nora", "Abbott", "1981-04-04", true),
            ("qSouth", "Sara", "Coleman", "1975-08-08", false),
            ("pA", "Peter", "Ashworth", "1970-01-01", true),
            ("pB", "Paula", "Bristow", "1972-02-02", true),
            ("pC", "Pablo", "Castell", "1974-03-03", false),
            ("pD", "Petra", "Dunmore", "1976-04-04", true),
            ("c1", "=Ana", "Quiñones", "1980-01-01", true),
            ("c2", "Carl", "Whitby", "1980-01-02", true),
            ("c3", "+Bo", "Rivers", "1980-01-03", false),
            ("c4", "Cora", "Tolliver", "1980-01-04", true),
            ("c5", "Cyril", "Vantage", "1980-01-05", true),
            ("c6", "@Cy \"Sky\"", "Stone, Jr.", "1980-01-06", false),
            ("c7", "Celia", "Marchetti", "1980-01-07", true),
            ("c8", "-Di", "Vale", "1980-01-08", true),
            ("L1", "Luca", "Fontaine", "1965-01-01", true),
            ("L2", "Lena", "Garroway", "1966-01-01", true),
            ("L3", "Liam", "Hollister", "1967-01-01", false),
            ("C1", "Clara", "Ingram", "1980-05-05", true),
            ("L4", "Leon", "Jessup", "1970-02-02", true),
            ("A1", "Aiden", "Kowalski", "2015-06-01", true),
            ("A2", "Amara", "Lindqvist", "2008-12-31", true),
            ("A3", "Arlo", "Montague", "2014-01-01", false),
            ("A4", "Agnes", "Nightingale", "1950-01-01", true),
            ("A5", "Ansel", "Okonkwo", "1990-01-01", true),
        ];
        var number = 0;
        foreach (var (key, given, family, born, inNorth) in members)
        {
            var member = new Member
            {
                PlanMemberId = $"RPT{++number:D5}",
                GivenName = given,
                FamilyName = family,
                DateOfBirth = Day(born),
                Sex = number % 2 == 0 ? AdministrativeSex.Female : AdministrativeSex.Male,
                PpgId = inNorth ? pcpNorth.PpgId!.Value : pcpSouth.PpgId!.Value,
                PcpId = inNorth ? pcpNorth.Id : pcpSouth.Id,
                EnrollmentDate = Day("2024-01-01"),
            };
            _members[key] = member;
            _db.Members.Add(member);
        }
    }

    /// <summary>The queue: t1–t12 with their events e1–e12, contact attempts, and the PCP messages m1–m3.</summary>
    private async Task AddQueueAsync(string cm, string cm2, string pcpUser, string bhUser, int pcpNorth, int pcpSouth)
    {
        var t1 = Task("qNorth", bhUser, CoordinationEventKind.Prescription, "Changed sertraline from 50 mg to 100 mg once daily", CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "2026-03-02 09:00", "2026-03-04");
        var t2 = Task("qSouth", bhUser, CoordinationEventKind.Assessment, "Change in condition: recurrent depression worsened", CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High, "2026-03-03 10:00", "2026-03-05");
        var t3 = Task("qNorth", pcpUser, CoordinationEventKind.Finding, "PHQ-9 of 17 at a routine visit", CoordinationTrigger.PcpFinding, Priority.Urgent, "2026-03-04 08:00", "2026-03-04");
        var t4 = Task("qNorth", pcpUser, CoordinationEventKind.Referral, "Referred to behavioral health for counseling", CoordinationTrigger.MedicalToBhReferral, Priority.Routine, "2026-03-06 16:00", "2026-03-13");
        var t5 = Task("qNorth", bhUser, CoordinationEventKind.Prescription, "Changed quetiapine from 50 mg to 100 mg at bedtime", CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "2026-03-07 11:00", "2026-03-10");
        var t6 = Task("qSouth", bhUser, CoordinationEventKind.Prescription, "Changed lithium carbonate from 600 mg to 900 mg a day", CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "2026-03-09 09:00", "2026-03-11");
        var t7 = Task("qSouth", bhUser, CoordinationEventKind.TreatmentPlan, "Planned electroconvulsive therapy", CoordinationTrigger.TreatmentNeedingMedicalEvaluation, Priority.High, "2026-03-13 14:00", "2026-03-17");
        Task("qNorth", bhUser, CoordinationEventKind.Assessment, "Change in condition: insomnia reactivated", CoordinationTrigger.NewMemberComorbidityOrChange, Priority.Routine, "2026-03-15 23:30", "2026-03-20");
        var t9 = Task("qNorth", bhUser, CoordinationEventKind.Prescription, "Changed bupropion from 150 mg to 300 mg once daily", CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "2026-03-16 08:00", "2026-03-18");
        var t10 = Task("qNorth", bhUser, CoordinationEventKind.Assessment, "Change in condition: panic disorder worsened", CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High, "2026-02-27 10:00", "2026-03-03");
        Task("qNorth", pcpUser, CoordinationEventKind.Referral, "Referred to behavioral health for grief counseling", CoordinationTrigger.MedicalToBhReferral, Priority.Routine, "2026-01-05 10:00", "2026-01-12");
        Task("qNorth", pcpUser, CoordinationEventKind.Finding, "PHQ-9 item 9 answered several days", CoordinationTrigger.PcpFinding, Priority.Urgent, "2026-03-18 08:00", "2026-03-18");
        Message(t1, pcpNorth, pcpUser, acknowledged: "2026-03-02 15:00");
        Message(t2, pcpSouth, pcpUser, acknowledged: "2026-03-05 10:00");
        Message(t6, pcpSouth, pcpUser, acknowledged: null);
        await _db.SaveChangesAsync();

        Claim(t1, cm);
        Attempt(t1, cm, "2026-03-02 13:00", ContactOutcome.Reached);
        Done(t1.Complete("PCP reached", At("2026-03-03 09:00")));
        Claim(t2, cm2);
        Attempt(t2, cm2, "2026-03-04 10:00", ContactOutcome.LeftMessage);
        Done(t2.Complete("PCP acknowledged", At("2026-03-06 10:00")));
        Claim(t3, cm);
        Attempt(t3, cm, "2026-03-04 09:00", ContactOutcome.Reached);
        Done(t3.Complete("BH Provider Services saw the member", At("2026-03-04 23:00")));
        Claim(t4, cm);
        Claim(t5, cm);
        Attempt(t5, cm, "2026-03-09 11:00", ContactOutcome.NoAnswer);
        Done(t5.Cancel("Duplicate of another task", At("2026-03-09 12:00")));
        Claim(t6, cm2);
        Attempt(t6, cm2, "2026-03-09 10:00", ContactOutcome.Sent);
        Done(t6.Complete("Faxed to the PCP office", At("2026-03-11 23:59")));
        Claim(t7, cm2);
        Claim(t9, cm);
        Claim(t10, cm);
        Done(t10.Complete("PCP informed", At("2026-03-02 10:00")));
    }

    /// <summary>New psychotropic starts around Presidents' Day (Monday 16 February 2026, a plan holiday).</summary>
    private async Task AddPsychotropicStartsAsync(string cm, string pcpUser, string bhUser, int pcpNorth, int pcpSouth)
    {
        var t1 = CoordinationTrigger.PsychotropicStartOrChange;
        // p1, Thursday: the window skips the weekend and the holiday and ends Tuesday 17th; acknowledged that night, on time.
        var p1 = Event("pA", bhUser, CoordinationEventKind.MedicationStarted, "Started sertraline 50 mg once daily", "2026-02-12 10:00", t1, Priority.High, "2026-02-17");
        Message(p1, pcpNorth, "2026-02-12 10:00", pcpUser, acknowledged: "2026-02-17 23:00");
        // p2, Friday: the window ends Wednesday 18th; acknowledged Thursday 19th, late.
        var p2 = Event("pB", bhUser, CoordinationEventKind.MedicationStarted, "Started sertraline 50 mg once daily\nfor panic attacks", "2026-02-13 16:00", t1, Priority.High, "2026-02-18");
        Message(p2, pcpNorth, "2026-02-13 16:00", pcpUser, acknowledged: "2026-02-19 08:00");
        // p3, Saturday: the window ends Wednesday 18th; the care manager faxed it that afternoon, on time.
        var p3 = Event("pC", bhUser, CoordinationEventKind.MedicationStarted, "Started quetiapine 25 mg at bedtime", "2026-02-14 11:00", t1, Priority.High, "2026-02-18");
        Message(p3, pcpSouth, "2026-02-14 11:00", pcpUser, acknowledged: null);
        // p4, Wednesday 23:30 (Thursday in UTC): the window ends Friday 20th; one unanswered call, never communicated.
        var p4 = Event("pD", bhUser, CoordinationEventKind.MedicationStarted, "Started aripiprazole 5 mg once daily", "2026-02-18 23:30", t1, Priority.High, "2026-02-20");
        Message(p4, pcpNorth, "2026-02-18 23:30", pcpUser, acknowledged: null);
        // Not starts in the range: a dose change, a start that raised no flag, and a start after the range.
        Event("pA", bhUser, CoordinationEventKind.Prescription, "Changed sertraline from 50 mg to 100 mg once daily", "2026-02-10 10:00", t1, Priority.High, "2026-02-12");
        Event("pB", bhUser, CoordinationEventKind.MedicationStarted, "Started melatonin 3 mg at bedtime", "2026-02-11 10:00", null, Priority.High, "2026-02-11");
        Event("pD", bhUser, CoordinationEventKind.MedicationStarted, "Started sertraline 25 mg once daily", "2026-02-23 10:00", t1, Priority.High, "2026-02-25");
        var task3 = CoordinationTask.Open(Member("pC"), p3, t1, Priority.High, Day("2026-02-18"), At("2026-02-14 11:00"));
        var task4 = CoordinationTask.Open(Member("pD"), p4, t1, Priority.High, Day("2026-02-20"), At("2026-02-18 23:30"));
        _db.CoordinationTasks.AddRange(task3, task4);
        await _db.SaveChangesAsync();
        Claim(task3, cm);
        Attempt(task3, cm, "2026-02-18 17:00", ContactMethod.Fax, ContactOutcome.Sent);
        Done(task3.Complete("Faxed to the PCP", At("2026-02-18 17:05")));
        Claim(task4, cm);
        Attempt(task4, cm, "2026-02-19 09:00", ContactOutcome.NoAnswer);
        Done(task4.Cancel("Member moved out of the area", At("2026-02-25 09:00")));
    }

    /// <summary>SUD diagnoses and Part 2 consents as of today; refused requests for protected content in the audit trail.</summary>
    private void AddConsent(int bh, int north, string pcpUser)
    {
        Diagnosis("c1", bh, "F11.20", "Opioid dependence, uncomplicated");
        Diagnosis("c2", bh, "F10.20", "Alcohol dependence, uncomplicated");
        Consent("c2", north, "2026-01-01", expiresOn: null, expirationEvent: "End of treatment");
        Diagnosis("c3", bh, "F12.20", "Cannabis dependence, uncomplicated");
        Consent("c3", north, "2025-06-01", expiresOn: null, expirationEvent: "End of treatment").Revoke(At("2026-02-01 10:00"), "Revoked in writing");
        Diagnosis("c4", bh, "F17.210", "Nicotine dependence, cigarettes, uncomplicated");
        Diagnosis("c5", bh, "F10.20", "Alcohol dependence, uncomplicated").Resolve(Day("2026-01-15"));
        Diagnosis("c6", bh, "F11.20", "Opioid dependence, uncomplicated");
        Consent("c6", north, "2025-03-18", expiresOn: "2026-03-17", expirationEvent: null);
        Diagnosis("c7", bh, "F11.20", "Opioid dependence, uncomplicated");
        Consent("c7", north, "2025-03-18", expiresOn: "2026-03-18", expirationEvent: null);
        Diagnosis("c8", bh, "F10.20", "Alcohol dependence, uncomplicated");
        Consent("c8", north, "2025-06-01", expiresOn: null, expirationEvent: "End of treatment").RecordExpirationEvent(Day("2026-03-18"));

        Audit("c1", pcpUser, "2026-03-03 10:00", AuditOutcome.Denied, ProtectedContent.PsychotherapyNotes);
        Audit("c1", pcpUser, "2026-03-10 10:00", AuditOutcome.Denied, ProtectedContent.SubstanceUseDisorderRecords);
        Audit("c3", pcpUser, "2026-03-05 12:00", AuditOutcome.Denied, content: null); // written before the trail recorded the content
        Audit("c2", pcpUser, "2026-02-20 10:00", AuditOutcome.Denied, ProtectedContent.PsychotherapyNotes);
        Audit("c2", pcpUser, "2026-03-04 10:00", AuditOutcome.Success, ProtectedContent.SubstanceUseDisorderRecords);
    }

    /// <summary>Lithium, clozapine and antipsychotic orders, with medication-monitoring and metabolic-screening events.</summary>
    private void AddMonitoring(int bh, string bhUser)
    {
        Order("L1", bh, "lithium carbonate 300 MG Oral Capsule", "N05AN01", null, "2025-06-01");
        Lab("L1", bhUser, CoordinationEventKind.MedicationMonitoring, "2026-01-10 10:00");
        Order("L2", bh, "lithium carbonate 300 MG Oral Capsule", "N05AN01", null, "2025-06-01");
        Lab("L2", bhUser, CoordinationEventKind.MedicationMonitoring, "2025-12-18 10:00");
        Order("L3", bh, "lithium carbonate 300 MG Oral Capsule", "N05AN01", null, "2025-06-01").Stop(Day("2026-03-01"), "Stopped for tremor");
        Order("C1", bh, "clozapine 100 MG Oral Tablet", "N05AH02", null, "2025-01-01");
        Order("L4", bh, "lithium carbonate 300 MG Oral Capsule", "N05AN01", null, "2025-06-01");
        Order("L4", bh, "Clozaril 25 MG Oral Tablet", null, "2626", "2025-06-01");
        Lab("L4", bhUser, CoordinationEventKind.MedicationMonitoring, "2025-12-19 00:30");
        Order("A1", bh, "aripiprazole 2 MG Oral Tablet", "N05AX12", null, "2025-01-01");
        Lab("A1", bhUser, CoordinationEventKind.MetabolicScreening, "2025-06-01 10:00");
        Order("A2", bh, "quetiapine 50 MG Oral Tablet", "N05AH04", null, "2025-01-01");
        Order("A3", bh, "risperidone 1 MG Oral Tablet", "N05AX08", null, "2025-01-01");
        Lab("A3", bhUser, CoordinationEventKind.MetabolicScreening, "2025-03-18 10:00");
        Order("A4", bh, "aripiprazole 5 MG Oral Tablet", "N05AX12", null, "2025-01-01");
        Lab("A4", bhUser, CoordinationEventKind.MetabolicScreening, "2026-03-18 08:00");
        Order("A5", bh, "quetiapine 50 MG Oral Tablet", "N05AH04", null, "2025-01-01").Stop(Day("2026-03-17"), "Stopped for sedation");
    }

    private CoordinationEvent Event(string member, string userId, CoordinationEventKind kind, string summary, string at, CoordinationTrigger? trigger, Priority priority, string dueOn)
    {
        var recorded = new CoordinationEvent
        {
            MemberId = Member(member),
            Kind = kind,
            OccurredAt = At(at),
            RecordedByUserId = userId,
            Summary = summary,
            Flags = trigger is { } fired
                ? [new CoordinationFlag { MemberId = Member(member), OccurredAt = At(at), Trigger = fired, Priority = priority, Reason = summary, DueOn = Day(dueOn), ContactPath = ContactPath.PcpOffice }]
                : [],
        };
        _db.CoordinationEvents.Add(recorded);
        return recorded;
    }

    private CoordinationTask Task(string member, string userId, CoordinationEventKind kind, string summary, CoordinationTrigger trigger, Priority priority, string at, string dueOn)
    {
        var task = CoordinationTask.Open(Member(member), Event(member, userId, kind, summary, at, trigger, priority, dueOn), trigger, priority, Day(dueOn), At(at));
        _db.CoordinationTasks.Add(task);
        return task;
    }

    private InboxMessage Message(CoordinationTask task, int pcp, string pcpUser, string? acknowledged) =>
        Message(task.Event!, pcp, Display(task.Event!.OccurredAt), pcpUser, acknowledged);

    private InboxMessage Message(CoordinationEvent cause, int pcp, string sent, string pcpUser, string? acknowledged)
    {
        var message = new InboxMessage
        {
            MemberId = cause.MemberId,
            RecipientProviderId = pcp,
            Event = cause,
            Subject = cause.Summary.Split('\n')[0],
            Body = cause.Summary,
            SentAt = At(sent),
            SentByUserId = cause.RecordedByUserId,
        };
        cause.Flags.ForEach(flag => flag.MessageSent(At(sent)));
        if (acknowledged is not null)
        {
            Done(message.Acknowledge(pcpUser, At(acknowledged)));
            cause.Flags.ForEach(flag => flag.MessageAcknowledged(At(acknowledged)));
        }

        _db.InboxMessages.Add(message);
        return message;
    }

    private static string Display(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Pacific).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void Claim(CoordinationTask task, string userId) => Done(task.Claim(userId));

    private void Attempt(CoordinationTask task, string userId, string at, ContactOutcome outcome)
    {
        Attempt(task, userId, at, ContactMethod.Phone, outcome);
    }

    private void Attempt(CoordinationTask task, string userId, string at, ContactMethod method, ContactOutcome outcome)
    {
        Done(task.LogContactAttempt(At(at)));
        task.Event!.Flags.ForEach(flag => flag.ContactAttempted(task.Trigger, outcome, At(at)));
        _db.TaskActivities.Add(TaskActivity.ContactAttempt(task.Id, userId, At(at), method, outcome, "Follow up", null));
    }

    private static void Done(DomainChange change) => Assert.True(change.Done, change.Refusal);

    private Condition Diagnosis(string member, int bh, string code, string description)
    {
        var condition = new Condition { MemberId = Member(member), Code = Icd10CmCode.Parse(code), Description = description, RecordedById = bh, RecordedAt = At("2025-12-01 10:00") };
        _db.Conditions.Add(condition);
        return condition;
    }

    private Release Consent(string member, int ppg, string effective, string? expiresOn, string? expirationEvent)
    {
        var release = new Release
        {
            MemberId = Member(member),
            Kind = ReleaseKind.SubstanceUseDisorderConsent,
            Information = ReleasedInformation.SubstanceUseDisorderRecords,
            InformationDescription = "SUD treatment records",
            AuthorizedDiscloser = "Dr. Bianca Hartley",
            RecipientPpgId = ppg,
            Purpose = "Treatment",
            EffectiveOn = Day(effective),
            ExpiresOn = expiresOn is null ? null : Day(expiresOn),
            ExpirationEvent = expirationEvent,
            SignedOn = Day(effective),
            SignedBy = SignerKind.Member,
            SignerName = Name(member),
        };
        // On file as the privacy office verified it: only a verified consent counts as consent.
        release.VerifiedByThePrivacyOffice();
        _db.Releases.Add(release);
        return release;
    }

    private void Audit(string member, string userId, string at, AuditOutcome outcome, ProtectedContent? content) => _db.AuditEntries.Add(new AuditEntry
    {
        OccurredAt = At(at),
        UserId = userId,
        Action = AuditAction.ProtectedContentRequested,
        MemberId = Member(member),
        Outcome = outcome,
        Content = content,
        CorrelationId = "report-world",
    });

    private MedicationOrder Order(string member, int bh, string drug, string? atc, string? rxNorm, string start)
    {
        var order = new MedicationOrder
        {
            MemberId = Member(member),
            DrugName = drug,
            AtcCode = atc,
            RxNormCode = rxNorm,
            Dose = 1,
            DoseUnit = "tablet",
            Frequency = MedicationFrequency.OnceDaily,
            StartOn = Day(start),
            PrescriberId = bh,
        };
        _db.MedicationOrders.Add(order);
        return order;
    }

    private void Lab(string member, string userId, CoordinationEventKind kind, string at) =>
        Event(member, userId, kind, kind == CoordinationEventKind.MedicationMonitoring ? "Drug level drawn" : "Fasting glucose and lipid panel drawn", at, null, Priority.Routine, "2026-01-01");
}
