using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Coordination;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Infrastructure.Demo;

/// <summary>
/// Fills an empty database with a small, believable plan: two PPGs, three PCPs, four BH practitioners, sixty members,
/// their care, a few releases and a working queue, and an opioid treatment program (a 42 CFR Part 2 program) with its
/// clinician and two members, one with a TPO consent on file and one without. Deterministic, and dated relative to today so it never goes stale.
/// </summary>
[SuppressMessage("Security", "SCS0005:Weak random number generator", Justification = "A fixed seed makes the demo plan the same on every machine; nothing secret is drawn from it.")]
public sealed class DemoData(CareDbContext db, UserManager<CareUser> users, RoleManager<IdentityRole> roles, PlanClock clock, CoordinationRecorder recorder)
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
        var otp = Bh(8, "Rosa", "Delgado", "MD", BhDiscipline.Psychiatrist, prescribes: true);
        otp.IsPart2Program = true;
        db.Providers.AddRange(pcps);
        db.Providers.AddRange(bh);
        db.Providers.Add(otp);
        await db.SaveChangesAsync(cancellationToken);

        var pcpUser = await AddUser("pcp@demo.test", "Dr. Maya Okafor", CareRoles.Pcp, pcps[0].Id);
        var bhUser = await AddUser("bh@demo.test", "Dr. Samuel Whitfield", CareRoles.BhClinician, bh[0].Id);
        var careManager = await AddUser("cm@demo.test", "Jordan Ellis", CareRoles.CareManager, providerId: null);
        await AddUser("admin@demo.test", "Alex Morgan", CareRoles.Admin, providerId: null);
        var privacyOfficer = await AddUser("privacy@demo.test", "Priya Natarajan", CareRoles.PrivacyOfficer, providerId: null);
        var otpUser = await AddUser("otp@demo.test", "Dr. Rosa Delgado", CareRoles.BhClinician, otp.Id);

        var members = Enumerable.Range(0, MemberCount).Select(i => NewMember(i, pcps[i % pcps.Length])).ToArray();
        db.Members.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);

        for (var i = 0; i < members.Length; i++)
        {
            AddCare(i, members[i], pcps[i % pcps.Length], bh);
        }

        await db.SaveChangesAsync(cancellationToken);

        AddReleases(members, pcps, mission, careManager, pcpUser, privacyOfficer);
        AddEmergencyGrant(members, pcps, pcpUser);
        await db.SaveChangesAsync(cancellationToken);
        AddSignedDocuments();
        await AddQueueAsync(members, pcps, bh, pcpUser, bhUser, careManager);
        await AddPart2ProgramAsync(members, otp, otpUser);
        AddProtectedNotes(members, bh);
        AddLabs(members, bh, pcps, bhUser, pcpUser);
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

        if (i == 5)
        {
            // A psychiatric consult for the opioid treatment program member, so a demo clinician can meet a Part 2 consent.
            db.CareRelationships.Add(new CareRelationship { MemberId = member.Id, ProviderId = bh[0].Id, StartOn = since });
        }
    }

    /// <summary>Releases in every state: verified (one since expired, one revoked), awaiting verification, refused.</summary>
    private void AddReleases(Member[] members, Provider[] pcps, ParticipatingPhysicianGroup mission, CareUser careManager, CareUser pcpUser, CareUser privacyOfficer)
    {
        var office = new Verifier(privacyOfficer.Id, IsPrivacyOfficer: true, ProviderId: null, ProviderPpgId: null, HoldsTheNotes: false);
        Release Verified(Release release)
        {
            release.Verify(office, release.RecordedAt!.Value.AddDays(1));
            return release;
        }

        db.Releases.Add(Verified(new Release
        {
            MemberId = members[6].Id,
            RecordedByUserId = careManager.Id,
            RecordedAt = _now.AddDays(-19),
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
        }));
        db.Releases.Add(Verified(new Release
        {
            MemberId = members[5].Id,
            RecordedByUserId = careManager.Id,
            RecordedAt = _now.AddDays(-59),
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
        }));
        db.Releases.Add(Verified(new Release
        {
            MemberId = members[0].Id,
            RecordedByUserId = careManager.Id,
            RecordedAt = _now.AddDays(-399),
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
        }));
        var revoked = Verified(new Release
        {
            MemberId = members[12].Id,
            RecordedByUserId = careManager.Id,
            RecordedAt = _now.AddDays(-89),
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
        });
        revoked.Revoke(_now.AddDays(-10), "Signed letter handed in at the clinic", _today.AddDays(-10), careManager.Id);
        db.Releases.Add(revoked);

        // Put on file by the PCP it names: it waits for the privacy office, and releases nothing until then.
        db.Releases.Add(new Release
        {
            MemberId = members[3].Id,
            RecordedByUserId = pcpUser.Id,
            RecordedAt = _now.AddDays(-1),
            Kind = ReleaseKind.PsychotherapyNotesAuthorization,
            Information = ReleasedInformation.PsychotherapyNotes,
            InformationDescription = "Psychotherapy notes from individual sessions",
            AuthorizedDiscloser = "Dr. Samuel Whitfield, MD",
            RecipientProviderId = pcps[0].Id,
            Purpose = "Coordination with my primary care physician",
            EffectiveOn = _today.AddDays(-2),
            ExpiresOn = _today.AddDays(363),
            SignedOn = _today.AddDays(-2),
            SignedBy = SignerKind.Member,
            SignerName = members[3].FullName,
        });
        var refused = new Release
        {
            MemberId = members[9].Id,
            RecordedByUserId = careManager.Id,
            RecordedAt = _now.AddDays(-7),
            Kind = ReleaseKind.SubstanceUseDisorderConsent,
            Information = ReleasedInformation.SubstanceUseDisorderRecords,
            InformationDescription = "Substance use disorder treatment records",
            AuthorizedDiscloser = "Elena Park, PMHNP-BC",
            RecipientProviderId = pcps[0].Id,
            Purpose = "Coordination of care",
            EffectiveOn = _today.AddDays(-8),
            ExpiresOn = _today.AddDays(357),
            SignedOn = _today.AddDays(-8),
            SignedBy = SignerKind.Member,
            SignerName = members[9].FullName,
        };
        refused.RefuseVerification(office, _now.AddDays(-6), "The form has no statement of the right to revoke (42 CFR 2.31(a)(6)); ask the member to sign the plan's current form.");
        db.Releases.Add(refused);
    }

    /// <summary>A grant the PCP opened yesterday for a member outside her panel, waiting in the privacy office's review queue.</summary>
    private void AddEmergencyGrant(Member[] members, Provider[] pcps, CareUser pcpUser)
    {
        var outsidePanel = members.Last(m => m.PcpId != pcps[0].Id);
        db.EmergencyAccesses.Add(EmergencyAccess.Request(pcpUser.Id, outsidePanel.Id, EmergencyCategory.UrgentCareWithoutTheTreatingClinician,
            "Covering the urgent care clinic; the member's PCP office is closed and she needed her medication list", _now.AddDays(-1), grantsTodaySoFar: 0));
    }

    /// <summary>A scanned form for each release, so the demo shows what a stored signed document looks like.</summary>
    private void AddSignedDocuments()
    {
        foreach (var release in db.Releases.Local)
        {
            var content = DemoDocument.SignedForm($"{release.Kind.Label()} signed {release.SignedOn:yyyy-MM-dd} (demo form)");
            db.ReleaseDocuments.Add(new ReleaseDocument
            {
                ReleaseId = release.Id,
                ContentType = "application/pdf",
                Content = content,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                UploadedAt = _now.AddDays(-1),
            });
        }
    }

    /// <summary>The working queue, made the way the app makes it: each clinical event goes through the real rules.</summary>
    private async Task AddQueueAsync(Member[] members, Provider[] pcps, Provider[] bh, CareUser pcpUser, CareUser bhUser, CareUser careManager)
    {
        var bhKind = ProviderKind.BehavioralHealthPractitioner;
        var pcpKind = ProviderKind.PrimaryCarePhysician;

        await RecordAsync(members[0], bhUser, bh[0], CoordinationEventKind.MedicationStarted, daysAgo: 1, "Started sertraline 100 mg once daily",
            new MedicationChanged(bhKind, ActiveMedications(members[0], except: "N06AB06"), Fact(DemoCatalog.Sertraline), Stopped: null));

        var lithium = await RecordAsync(members[9], bhUser, bh[1], CoordinationEventKind.MedicationStarted, daysAgo: 2,
            "Started lithium carbonate 300 mg three times daily; baseline renal and thyroid labs needed",
            new MedicationChanged(bhKind, [], Fact(DemoCatalog.Lithium), Stopped: null));
        lithium[0].Claim(careManager.Id);
        Note(members[9], careManager.Id, CoordinationEventKind.ContactAttempt, daysAgo: 1, "Phoned PCP office; left a message with the medical assistant");

        await RecordAsync(members[27], pcpUser, pcps[0], CoordinationEventKind.Finding, daysAgo: 0,
            "PHQ-9 of 17 at annual exam; item 9 answered \"several days\"",
            new PcpFindingRecorded(pcpKind, members[27].Sex, null, new ScreeningResults(phq9: 17, phq9Item9: 1)));

        var referral = await RecordAsync(members[21], pcpUser, pcps[0], CoordinationEventKind.Referral, daysAgo: 4,
            "Referred to behavioral health for counseling", new ReferralMade(pcpKind, ToBehavioralHealth: true, NeedsSpecializedHelp: false));
        referral[0].Claim(careManager.Id);
        referral[0].WaitOnProvider();

        await RecordAsync(members[18], bhUser, bh[0], CoordinationEventKind.Assessment, daysAgo: 8,
            "Intake assessment: alcohol dependence; hypertension and reflux reported",
            new DiagnosesRecorded(bhKind, MemberIsNewToPractitioner: true, Diagnoses(members[18], "F10.20", "I10", "K21.9")));

        var aripiprazole = DemoCatalog.Aripiprazole;
        await RecordAsync(members[12], bhUser, bh[0], CoordinationEventKind.Prescription, daysAgo: 3, "Increased aripiprazole from 10 mg to 15 mg once daily",
            new MedicationChanged(bhKind, [Fact(aripiprazole with { Dose = 10m })], Fact(aripiprazole), Fact(aripiprazole with { Dose = 10m })));

        await RecordAsync(members[5], bhUser, bh[1], CoordinationEventKind.Assessment, daysAgo: 1,
            "Intake assessment: opioid dependence; chronic low back pain reported",
            new DiagnosesRecorded(bhKind, MemberIsNewToPractitioner: true, Diagnoses(members[5], "F11.20", "M54.50")));

        await RecordAsync(members[7], pcpUser, pcps[1], CoordinationEventKind.Referral, daysAgo: 2,
            "Referred to behavioral health; co-occurring conditions need specialized help",
            new ReferralMade(pcpKind, ToBehavioralHealth: true, NeedsSpecializedHelp: true));

        var discovered = await RecordAsync(members[3], bhUser, bh[1], CoordinationEventKind.Assessment, daysAgo: 20,
            "Elevated fasting glucose noted at a clozapine monitoring visit",
            new DiagnosesRecorded(bhKind, MemberIsNewToPractitioner: false,
                [new DiagnosisFact(Icd10CmCode.Parse("R73.01"), "Impaired fasting glucose", DiagnosisChange.New)]));
        discovered[0].Claim(careManager.Id);
        discovered[0].Complete("PCP office confirmed receipt; HbA1c ordered", _now.AddDays(-17));

        Note(members[6], bhUser.Id, CoordinationEventKind.Note, daysAgo: 20, "Discussed coordination with the member, who agreed to share with the PCP");
    }

    /// <summary>
    /// The opioid treatment program's intakes, recorded as the app records them, so they are Part 2 information: member 5 has
    /// a TPO consent on file (her PCP's message carries the details and the 2.32 notice); member 45 has none (Dr. Okafor's
    /// message withholds them and a care manager is asked to seek the member's consent).
    /// </summary>
    private async Task AddPart2ProgramAsync(Member[] members, Provider otp, CareUser otpUser)
    {
        var bhKind = ProviderKind.BehavioralHealthPractitioner;
        var buprenorphine = DemoCatalog.Buprenorphine;
        foreach (var member in new[] { members[5], members[45] })
        {
            db.CareRelationships.Add(new CareRelationship { MemberId = member.Id, ProviderId = otp.Id, StartOn = _today.AddDays(-14) });
            if (!db.Conditions.Local.Any(c => c.MemberId == member.Id && c.Code.Value == "F11.20"))
            {
                db.Conditions.Add(new Condition
                {
                    MemberId = member.Id,
                    Code = Icd10CmCode.Parse("F11.20"),
                    Description = "Opioid dependence, uncomplicated",
                    OnsetOn = _today.AddDays(-400),
                    RecordedById = otp.Id,
                    RecordedAt = _now.AddDays(-8),
                });
            }

            await RecordAsync(member, otpUser, otp, CoordinationEventKind.Assessment, daysAgo: 8,
                "Opioid treatment program intake: opioid use disorder; buprenorphine-naloxone induction planned",
                new DiagnosesRecorded(bhKind, MemberIsNewToPractitioner: true, Diagnoses(member, "F11.20")));
            if (!db.MedicationOrders.Local.Any(o => o.MemberId == member.Id && o.AtcCode == buprenorphine.Atc))
            {
                db.MedicationOrders.Add(new MedicationOrder
                {
                    MemberId = member.Id,
                    DrugName = buprenorphine.Name,
                    AtcCode = buprenorphine.Atc,
                    RxNormCode = buprenorphine.RxNorm,
                    Dose = buprenorphine.Dose,
                    DoseUnit = buprenorphine.Unit,
                    Frequency = buprenorphine.Frequency,
                    StartOn = _today.AddDays(-6),
                    PrescriberId = otp.Id,
                });
            }

            await RecordAsync(member, otpUser, otp, CoordinationEventKind.MedicationStarted, daysAgo: 6,
                "Started buprenorphine-naloxone 8 mg/2 mg sublingual twice daily at the opioid treatment program",
                new MedicationChanged(bhKind, ActiveMedications(member, except: buprenorphine.Atc), Fact(buprenorphine), Stopped: null));
        }
    }

    /// <summary>Records the event as the app does (rules, flags, tasks, PCP inbox message), dated when it happened.</summary>
    private async Task<List<CoordinationTask>> RecordAsync(Member member, CareUser user, Provider provider, CoordinationEventKind kind, int daysAgo, string summary, ClinicalEvent facts)
    {
        var recorded = await recorder.RecordAsync(new CoordinationEntry(member.Id, kind, summary, [facts], SharingDiscussedWithMember: true),
            user.Id, provider.Id, CancellationToken.None, _now.AddDays(-daysAgo));
        if (recorded.Outcomes.Count == 0)
        {
            throw new InvalidOperationException($"Demo event '{summary}' raised no flag; the demo expects every queued event to.");
        }

        return [.. recorded.Tasks];
    }

    /// <summary>Psychotherapy notes and Part 2 program records: kept apart, released only through the consent gate.</summary>
    private void AddProtectedNotes(Member[] members, Provider[] bh)
    {
        string[] sessions =
        [
            "Session 4. Explored the intrusive memories that follow the anniversary of the accident; practiced grounding. Member tearful but engaged.",
            "Session 5. Processed avoidance of driving; began a graded exposure hierarchy. Discussed guilt about the passenger.",
            "Session 6. Reported two nightmares this week, fewer than before. Reviewed the exposure log; first drive on a quiet street went well.",
        ];
        for (var i = 0; i < sessions.Length; i++)
        {
            db.ProtectedNotes.Add(new ProtectedNote
            {
                MemberId = members[6].Id,
                Content = ProtectedContent.PsychotherapyNotes,
                AuthorProviderId = bh[2].Id,
                WrittenOn = _today.AddDays(-21 + (7 * i)),
                Text = sessions[i],
            });
        }

        db.ProtectedNotes.Add(new ProtectedNote
        {
            MemberId = members[5].Id,
            Content = ProtectedContent.SubstanceUseDisorderRecords,
            AuthorProviderId = bh[1].Id,
            WrittenOn = _today.AddDays(-7),
            Text = "Opioid treatment program: buprenorphine-naloxone 16 mg daily, week 8. Urine toxicology negative for non-prescribed opioids. Attending weekly group.",
        });
    }

    /// <summary>
    /// Lithium levels, ANCs and metabolic screenings, so that the monitoring report has members both up to date and due:
    /// clozapine members 3 (monitored and screened), 17 and 31 (ANC overdue); lithium members 23 (monitored) and 37 (level
    /// overdue); aripiprazole members 12 (screened 13 months ago, due) and 26 (screened).
    /// </summary>
    private void AddLabs(Member[] members, Provider[] bh, Provider[] pcps, CareUser bhUser, CareUser pcpUser)
    {
        Lab(members[3], bhUser, bh[1], CoordinationEventKind.MedicationMonitoring, daysAgo: 20, "ANC 2900/µL");
        Lab(members[3], pcpUser, pcps[0], CoordinationEventKind.MetabolicScreening, daysAgo: 200, "Metabolic screening: Fasting glucose 118 mg/dL, LDL-C 141 mg/dL");
        Lab(members[17], bhUser, bh[1], CoordinationEventKind.MedicationMonitoring, daysAgo: 120, "ANC 3400/µL");
        Lab(members[23], bhUser, bh[1], CoordinationEventKind.MedicationMonitoring, daysAgo: 30, "Lithium level 0.7 mmol/L");
        Lab(members[37], bhUser, bh[1], CoordinationEventKind.MedicationMonitoring, daysAgo: 150, "Lithium level 0.9 mmol/L");
        Lab(members[12], pcpUser, pcps[0], CoordinationEventKind.MetabolicScreening, daysAgo: 400, "Metabolic screening: HbA1c 5.9%, LDL-C 128 mg/dL");
        Lab(members[26], pcpUser, pcps[0], CoordinationEventKind.MetabolicScreening, daysAgo: 90, "Metabolic screening: HbA1c 5.4%, Total cholesterol 188 mg/dL");
    }

    private void Lab(Member member, CareUser user, Provider provider, CoordinationEventKind kind, int daysAgo, string results) =>
        Note(member, user.Id, kind, daysAgo, string.Create(CultureInfo.InvariantCulture, $"{results}; drawn {_today.AddDays(-daysAgo):yyyy-MM-dd}"), provider.Id);

    private void Note(Member member, string userId, CoordinationEventKind kind, int daysAgo, string summary, int? providerId = null) =>
        db.CoordinationEvents.Add(new CoordinationEvent
        {
            MemberId = member.Id,
            Kind = kind,
            OccurredAt = _now.AddDays(-daysAgo),
            RecordedByUserId = userId,
            ProviderId = providerId,
            Summary = summary,
        });

    private List<MedicationFact> ActiveMedications(Member member, string except) =>
        [.. db.MedicationOrders.Local.Where(o => o.MemberId == member.Id && o.AtcCode != except).Select(MedicationFact.From)];

    private List<DiagnosisFact> Diagnoses(Member member, params string[] codes) =>
        [.. codes.Select(code => new DiagnosisFact(Icd10CmCode.Parse(code),
            db.Conditions.Local.FirstOrDefault(c => c.MemberId == member.Id && c.Code.Value == code)?.Description, DiagnosisChange.Unchanged))];

    private static MedicationFact Fact(DemoCatalog.Drug drug) =>
        new(drug.Name, drug.Atc, drug.RxNorm, drug.Frequency.AdministrationsPerDay() * drug.Dose, drug.Unit);
}
