using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Infrastructure.Demo;

/// <summary>
/// Fills an empty database with a small, believable plan: two PPGs, three PCPs, four BH practitioners, sixty members,
/// their care, a few releases and a working queue. Deterministic, and dated relative to today so it never goes stale.
/// </summary>
public sealed class DemoData(CareDbContext db, UserManager<CareUser> users, RoleManager<IdentityRole> roles, PlanClock clock)
{
    /// <summary>Demo only: documented in the README, never used outside a demo database.</summary>
    public const string Password = "Demo!Passw0rd2026";

    private const int MemberCount = 60;

    private readonly Random _random = new(2026);
    private readonly DateOnly _today = clock.Today;
    private readonly DateTime _now = clock.UtcNow;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Ppgs.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var role in CareRoles.All)
        {
            await Succeed(roles.CreateAsync(new IdentityRole(role)));
        }

        var harbor = new ParticipatingPhysicianGroup { Name = "Harbor Valley Medical Group", Phone = "(555) 010-2000", Fax = "(555) 010-2001" };
        var mission = new ParticipatingPhysicianGroup { Name = "Mission Ridge Physicians", Phone = "(555) 010-3000", Fax = "(555) 010-3001" };
        db.Ppgs.AddRange(harbor, mission);
        await db.SaveChangesAsync(cancellationToken);

        Provider[] pcps =
        [
            Pcp(1, "Maya", "Okafor", "MD", harbor),
            Pcp(2, "Daniel", "Reyes", "DO", harbor),
            Pcp(3, "Priya", "Raman", "MD", mission),
        ];
        Provider[] bh =
        [
            Bh(4, "Samuel", "Whitfield", "MD", BhDiscipline.Psychiatrist, prescribes: true),
            Bh(5, "Elena", "Park", "PMHNP-BC", BhDiscipline.PsychiatricNursePractitioner, prescribes: true),
            Bh(6, "Hannah", "Lowe", "PsyD", BhDiscipline.Psychologist, prescribes: false),
            Bh(7, "Marcus", "Bell", "LCSW", BhDiscipline.ClinicalSocialWorker, prescribes: false),
        ];
        db.Providers.AddRange(pcps);
        db.Providers.AddRange(bh);
        await db.SaveChangesAsync(cancellationToken);

        var pcpUser = await AddUser("pcp@demo.test", "Dr. Maya Okafor", CareRoles.Pcp, pcps[0].Id);
        var bhUser = await AddUser("bh@demo.test", "Dr. Samuel Whitfield", CareRoles.BhClinician, bh[0].Id);
        var careManager = await AddUser("cm@demo.test", "Jordan Ellis", CareRoles.CareManager, providerId: null);
        await AddUser("admin@demo.test", "Alex Morgan", CareRoles.Admin, providerId: null);

        var members = Enumerable.Range(0, MemberCount).Select(i => NewMember(i, pcps[i % pcps.Length])).ToArray();
        db.Members.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < members.Length; i++)
        {
            AddCare(i, members[i], pcps[i % pcps.Length], bh);
        }

        await db.SaveChangesAsync(cancellationToken);

        AddReleases(members, pcps, mission);
        AddQueue(members, pcps, bh, pcpUser, bhUser, careManager);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Provider Pcp(int n, string given, string family, string credentials, ParticipatingPhysicianGroup ppg) => new()
    {
        Npi = DemoNpi(n),
        GivenName = given,
        FamilyName = family,
        Credentials = credentials,
        Kind = ProviderKind.PrimaryCarePhysician,
        CanPrescribe = true,
        PpgId = ppg.Id,
        Phone = $"(555) 010-{2100 + n}",
        Fax = $"(555) 010-{2200 + n}",
        SecureEmail = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}@direct.demo.test",
    };

    private static Provider Bh(int n, string given, string family, string credentials, BhDiscipline discipline, bool prescribes) => new()
    {
        Npi = DemoNpi(n),
        GivenName = given,
        FamilyName = family,
        Credentials = credentials,
        Kind = ProviderKind.BehavioralHealthPractitioner,
        Discipline = discipline,
        CanPrescribe = prescribes,
        Phone = $"(555) 010-{4100 + n}",
        Fax = $"(555) 010-{4200 + n}",
        SecureEmail = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}@direct.demo.test",
    };

    private static Npi DemoNpi(int n)
    {
        var nineDigits = $"15550{n:D4}";
        return Npi.Parse(nineDigits + Npi.CheckDigitFor(nineDigits));
    }

    private async Task<CareUser> AddUser(string email, string displayName, string role, int? providerId)
    {
        var user = new CareUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, ProviderId = providerId };
        await Succeed(users.CreateAsync(user, Password));
        await Succeed(users.AddToRoleAsync(user, role));
        return user;
    }

    private static async Task Succeed(Task<IdentityResult> action)
    {
        var result = await action;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private Member NewMember(int i, Provider pcp) => new()
    {
        PlanMemberId = $"M{20260000 + (i * 37) + 11:D8}",
        GivenName = DemoCatalog.GivenNames[i % DemoCatalog.GivenNames.Length],
        FamilyName = DemoCatalog.FamilyNames[((i * 7) + (i / DemoCatalog.FamilyNames.Length)) % DemoCatalog.FamilyNames.Length],
        DateOfBirth = new DateOnly(1948, 1, 1).AddDays(_random.Next(0, 58 * 365)),
        Sex = i % 2 == 0 ? AdministrativeSex.Female : AdministrativeSex.Male,
        Phone = $"(555) 01{i / 10}-{1000 + (i * 13):D4}",
        PpgId = pcp.PpgId!.Value,
        PcpId = pcp.Id,
        EnrollmentDate = _today.AddDays(-_random.Next(20, 2000)),
    };

    /// <summary>The member's problem list and medications, and the BH practitioners treating them.</summary>
    private void AddCare(int i, Member member, Provider pcp, Provider[] bh)
    {
        var profile = DemoCatalog.Profiles[i % DemoCatalog.Profiles.Length];
        var prescriber = i % 2 == 0 ? bh[0] : bh[1];
        var therapist = i % 2 == 0 ? bh[2] : bh[3];
        var since = member.EnrollmentDate.AddDays(_random.Next(5, 60));

        foreach (var diagnosis in profile.Diagnoses)
        {
            db.Conditions.Add(new Condition
            {
                MemberId = member.Id,
                Code = Icd10CmCode.Parse(diagnosis.Code),
                Description = diagnosis.Description,
                OnsetOn = since.AddDays(-_random.Next(30, 900)),
                RecordedById = diagnosis.Behavioral ? (profile.Drugs.Any(d => d.Psychotropic) ? prescriber.Id : therapist.Id) : pcp.Id,
                RecordedAt = _now.AddDays(-_random.Next(30, 400)),
            });
        }

        foreach (var drug in profile.Drugs)
        {
            db.MedicationOrders.Add(new MedicationOrder
            {
                MemberId = member.Id,
                DrugName = drug.Name,
                AtcCode = drug.Atc,
                RxNormCode = drug.RxNorm,
                Dose = drug.Dose,
                DoseUnit = drug.Unit,
                Frequency = drug.Frequency,
                StartOn = since.AddDays(_random.Next(0, 30)),
                PrescriberId = drug.Psychotropic ? prescriber.Id : pcp.Id,
            });
        }

        var hasBehavioral = profile.Diagnoses.Any(d => d.Behavioral);
        var hasPsychotropic = profile.Drugs.Any(d => d.Psychotropic);
        if (hasPsychotropic)
        {
            var relationship = new CareRelationship { MemberId = member.Id, ProviderId = prescriber.Id, StartOn = since };
            if (i == 52)
            {
                relationship.End(_today.AddDays(-40)); // a finished episode of care: no longer visible to the prescriber
            }

            db.CareRelationships.Add(relationship);
        }

        if (hasBehavioral && (!hasPsychotropic || i % 3 == 0))
        {
            db.CareRelationships.Add(new CareRelationship { MemberId = member.Id, ProviderId = therapist.Id, StartOn = since });
        }
    }

    private void AddReleases(Member[] members, Provider[] pcps, ParticipatingPhysicianGroup mission)
    {
        db.Releases.Add(new Release
        {
            MemberId = members[6].Id,
            Kind = ReleaseKind.PsychotherapyNotesAuthorization,
            Information = ReleasedInformation.PsychotherapyNotes,
            InformationDescription = "Psychotherapy notes from individual sessions with Dr. Hannah Lowe",
            AuthorizedDiscloser = "Dr. Hannah Lowe, PsyD",
            RecipientProviderId = pcps[0].Id,
            Purpose = "Coordination of trauma-focused treatment with my primary care physician",
            EffectiveOn = _today.AddDays(-20),
            ExpiresOn = _today.AddDays(345),
            SignedOn = _today.AddDays(-20),
            SignedBy = SignerKind.Member,
            SignerName = members[6].FullName,
        });
        db.Releases.Add(new Release
        {
            MemberId = members[5].Id,
            Kind = ReleaseKind.SubstanceUseDisorderConsent,
            Information = ReleasedInformation.SubstanceUseDisorderRecords,
            InformationDescription = "Opioid treatment program records: diagnosis, medications, dosing and attendance",
            AuthorizedDiscloser = "Elena Park, PMHNP-BC",
            RecipientPpgId = mission.Id,
            Purpose = "Treatment, payment and health care operations",
            CoversTreatmentPaymentAndOperations = true,
            EffectiveOn = _today.AddDays(-60),
            ExpirationEvent = "End of treatment with the opioid treatment program",
            SignedOn = _today.AddDays(-60),
            SignedBy = SignerKind.Member,
            SignerName = members[5].FullName,
        });
        db.Releases.Add(new Release
        {
            MemberId = members[0].Id,
            Kind = ReleaseKind.GeneralReleaseOfInformation,
            Information = ReleasedInformation.MentalHealthRecords | ReleasedInformation.MedicalRecords,
            InformationDescription = "Diagnoses, medication list and treatment summary",
            AuthorizedDiscloser = "Dr. Samuel Whitfield, MD",
            RecipientProviderId = pcps[0].Id,
            Purpose = "Continuity of care",
            EffectiveOn = _today.AddDays(-400),
            ExpiresOn = _today.AddDays(-35),
            SignedOn = _today.AddDays(-400),
            SignedBy = SignerKind.Member,
            SignerName = members[0].FullName,
        });
        var revoked = new Release
        {
            MemberId = members[12].Id,
            Kind = ReleaseKind.PsychotherapyNotesAuthorization,
            Information = ReleasedInformation.PsychotherapyNotes,
            InformationDescription = "Psychotherapy notes",
            AuthorizedDiscloser = "Dr. Samuel Whitfield, MD",
            RecipientProviderId = pcps[0].Id,
            Purpose = "At the request of the member",
            EffectiveOn = _today.AddDays(-90),
            ExpiresOn = _today.AddDays(275),
            SignedOn = _today.AddDays(-90),
            SignedBy = SignerKind.Member,
            SignerName = members[12].FullName,
        };
        revoked.Revoke(_now.AddDays(-10), "Member revoked in writing at the clinic");
        db.Releases.Add(revoked);
    }

    private void AddQueue(Member[] members, Provider[] pcps, Provider[] bh, CareUser pcpUser, CareUser bhUser, CareUser careManager)
    {
        var started = Flagged(members[0], bhUser.Id, bh[0], CoordinationEventKind.Prescription, daysAgo: 1,
            "Started sertraline 100 mg once daily",
            (CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "Sertraline is a new psychotropic for this member."));
        Task(members[0], started, CoordinationTrigger.PsychotropicStartOrChange, Priority.High, dueInBusinessDays: 2, daysAgo: 1);

        var lithium = Flagged(members[9], bhUser.Id, bh[1], CoordinationEventKind.Prescription, daysAgo: 2,
            "Started lithium carbonate 300 mg three times daily; baseline renal and thyroid labs needed",
            (CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "Lithium is a new psychotropic for this member."),
            (CoordinationTrigger.TreatmentNeedingMedicalEvaluation, Priority.High, "Lithium start needs renal and thyroid labs before and during treatment."));
        Task(members[9], lithium, CoordinationTrigger.PsychotropicStartOrChange, Priority.High, 2, daysAgo: 2).Claim(careManager.Id);
        Task(members[9], lithium, CoordinationTrigger.TreatmentNeedingMedicalEvaluation, Priority.High, 2, daysAgo: 2);
        Note(members[9], careManager.Id, CoordinationEventKind.ContactAttempt, daysAgo: 1, "Phoned PCP office; left a message with the medical assistant");

        var finding = Flagged(members[27], pcpUser.Id, pcps[0], CoordinationEventKind.Finding, daysAgo: 0,
            "PHQ-9 of 17 at annual exam; item 9 answered \"several days\"",
            (CoordinationTrigger.PcpFinding, Priority.Urgent, "PHQ-9 item 9 is above zero: possible suicidal ideation."));
        Task(members[27], finding, CoordinationTrigger.PcpFinding, Priority.Urgent, 0, daysAgo: 0);

        var referral = Flagged(members[21], pcpUser.Id, pcps[0], CoordinationEventKind.Referral, daysAgo: 4,
            "Referred to behavioral health for counseling",
            (CoordinationTrigger.MedicalToBhReferral, Priority.Routine, "The PCP referred the member to a behavioral health practitioner."));
        var waiting = Task(members[21], referral, CoordinationTrigger.MedicalToBhReferral, Priority.Routine, 5, daysAgo: 4);
        waiting.Claim(careManager.Id);
        waiting.WaitOnProvider();

        var intake = Flagged(members[18], bhUser.Id, bh[0], CoordinationEventKind.Assessment, daysAgo: 8,
            "Intake assessment: alcohol dependence; hypertension reported",
            (CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High, "New member with a substance use disorder (F10.20) and a concurrent medical condition (I10)."));
        Task(members[18], intake, CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High, 2, daysAgo: 8);

        var increase = Flagged(members[12], bhUser.Id, bh[0], CoordinationEventKind.Prescription, daysAgo: 3,
            "Increased aripiprazole from 10 mg to 15 mg once daily",
            (CoordinationTrigger.PsychotropicStartOrChange, Priority.High, "Aripiprazole daily dose rose by 50%."));
        Task(members[12], increase, CoordinationTrigger.PsychotropicStartOrChange, Priority.High, 2, daysAgo: 3);

        var opioidIntake = Flagged(members[5], bhUser.Id, bh[1], CoordinationEventKind.Assessment, daysAgo: 1,
            "Intake assessment: opioid dependence; chronic low back pain reported",
            (CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High, "New member with a substance use disorder (F11.20) and a concurrent medical condition (M54.50)."));
        Task(members[5], opioidIntake, CoordinationTrigger.NewMemberComorbidityOrChange, Priority.High, 2, daysAgo: 1);

        var secondReferral = Flagged(members[7], pcpUser.Id, pcps[1], CoordinationEventKind.Referral, daysAgo: 2,
            "Referred to behavioral health; co-occurring conditions need specialized help",
            (CoordinationTrigger.MedicalToBhReferral, Priority.Routine, "The PCP referred the member and asked BH Provider Services for help."));
        Task(members[7], secondReferral, CoordinationTrigger.MedicalToBhReferral, Priority.Routine, 5, daysAgo: 2);

        var discovered = Flagged(members[3], bhUser.Id, bh[1], CoordinationEventKind.Note, daysAgo: 20,
            "Elevated fasting glucose noted at clozapine monitoring visit",
            (CoordinationTrigger.BhMedicalFinding, Priority.Routine, "A medical condition was found after the initial assessment."));
        var done = Task(members[3], discovered, CoordinationTrigger.BhMedicalFinding, Priority.Routine, 5, daysAgo: 20);
        done.Claim(careManager.Id);
        done.Complete("PCP office confirmed receipt; HbA1c ordered", _now.AddDays(-17));

        Note(members[6], bhUser.Id, CoordinationEventKind.Note, daysAgo: 20, "Discussed coordination with the member, who agreed to share with the PCP");
    }

    private CoordinationEvent Flagged(Member member, string userId, Provider provider, CoordinationEventKind kind, int daysAgo, string summary,
        params (CoordinationTrigger Trigger, Priority Priority, string Reason)[] flags)
    {
        var coordinationEvent = new CoordinationEvent
        {
            MemberId = member.Id,
            Kind = kind,
            OccurredAt = _now.AddDays(-daysAgo),
            RecordedByUserId = userId,
            ProviderId = provider.Id,
            Summary = summary,
            Flags = [.. flags.Select(f => new CoordinationFlag { Trigger = f.Trigger, Priority = f.Priority, Reason = f.Reason })],
        };
        db.CoordinationEvents.Add(coordinationEvent);
        return coordinationEvent;
    }

    private void Note(Member member, string userId, CoordinationEventKind kind, int daysAgo, string summary) =>
        db.CoordinationEvents.Add(new CoordinationEvent
        {
            MemberId = member.Id,
            Kind = kind,
            OccurredAt = _now.AddDays(-daysAgo),
            RecordedByUserId = userId,
            Summary = summary,
        });

    private CoordinationTask Task(Member member, CoordinationEvent cause, CoordinationTrigger trigger, Priority priority, int dueInBusinessDays, int daysAgo)
    {
        var task = CoordinationTask.Open(member.Id, cause, trigger, priority,
            AddBusinessDays(_today.AddDays(-daysAgo), dueInBusinessDays), _now.AddDays(-daysAgo));
        db.CoordinationTasks.Add(task);
        return task;
    }

    private static DateOnly AddBusinessDays(DateOnly day, int count)
    {
        while (count > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count--;
            }
        }

        return day;
    }
}
