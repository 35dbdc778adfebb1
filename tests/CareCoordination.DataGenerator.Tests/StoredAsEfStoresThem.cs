using System.Security.Cryptography;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.DataGenerator.Audit;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Consent;
using CareCoordination.DataGenerator.Coordination;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Reporting;
using CareCoordination.DataGenerator.Storage;
using CareCoordination.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.DataGenerator.Tests;

/// <summary>
/// The same entities saved once through the app's DbContext and once through the generator's bulk writers give
/// identical rows: every DateTime (to the tick, and on the second), DateOnly, Guid, decimal, bool, enum and flag value.
/// </summary>
public sealed class StoredAsEfStoresThem : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "carecoordination-generator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_bulk_writers_store_every_value_as_EF_Core_does()
    {
        var (byEf, byGenerator) = (Path.Combine(_directory, "ef.db"), Path.Combine(_directory, "generator.db"));
        await Schema.CreateAsync(byEf, overwrite: false, CancellationToken.None);
        await Schema.CreateAsync(byGenerator, overwrite: false, CancellationToken.None);
        var at = new DateTime(2026, 3, 4, 17, 22, 5, DateTimeKind.Utc).AddTicks(1_234_567);
        var onTheSecond = new DateTime(2026, 3, 5, 8, 0, 0, DateTimeKind.Utc);
        var day = new DateOnly(2026, 3, 4);

        var ppg = new ParticipatingPhysicianGroup { Name = "Harbor Valley Medical Group", Phone = "(555) 010-2000", Fax = "(555) 010-2001" };
        var provider = new Provider
        {
            Npi = Npi.Parse("1234567893"), GivenName = "Maya", FamilyName = "Okafor", Credentials = "MD", Kind = ProviderKind.BehavioralHealthPractitioner,
            Discipline = BhDiscipline.Psychiatrist, CanPrescribe = true, Phone = "(555) 010-2101", Fax = "(555) 010-2201", SecureEmail = "maya.okafor@direct.demo.test",
            IsPart2Program = true,
        };
        var member = new Member
        {
            PlanMemberId = "M12345678", GivenName = "Avery", FamilyName = "O'Neil", DateOfBirth = new DateOnly(1980, 2, 29), Sex = AdministrativeSex.Female,
            Phone = null, EnrollmentDate = day,
        };
        var flagged = new CoordinationEvent
        {
            MemberId = 1, Kind = CoordinationEventKind.Prescription, OccurredAt = at, RecordedByUserId = "user-1", ProviderId = 1,
            Summary = "Started sertraline 50 MG Oral Tablet 50 mg once daily", SharingDiscussedWithMember = true, IsPart2Information = true,
            Flags = [new CoordinationFlag { MemberId = 1, OccurredAt = at, Trigger = CoordinationTrigger.PsychotropicStartOrChange, Priority = Priority.High, Reason = "New psychotropic.", DueOn = day, ContactPath = ContactPath.PcpOffice }],
        };
        var task = CoordinationTask.Open(1, flagged, CoordinationTrigger.PsychotropicStartOrChange, Priority.High, day.AddDays(2), at);
        task.Cancel("Duplicate of another task for the same event", onTheSecond);
        var message = new InboxMessage { MemberId = 1, RecipientProviderId = 1, Event = flagged, Subject = "Started sertraline", Body = "About: ...\nRoutine.", SentAt = at, SentByUserId = "user-1" };
        message.Acknowledge("user-2", onTheSecond);
        var orders = new List<MedicationOrder>
        {
            new() { MemberId = 1, DrugName = "venlafaxine 37.5 MG Extended Release Oral Capsule", AtcCode = "N06AX16", Dose = 37.5m, DoseUnit = "mg", Frequency = MedicationFrequency.OnceDaily, StartOn = day, PrescriberId = 1 },
            new() { MemberId = 1, DrugName = "sertraline 100 MG Oral Tablet", AtcCode = "N06AB06", RxNormCode = "36437", Dose = 100m, DoseUnit = "mg", Frequency = MedicationFrequency.AtBedtime, StartOn = day, PrescriberId = 1 },
        };
        orders[0].Stop(day.AddDays(30), "side effects");
        var condition = new Condition { MemberId = 1, Code = Icd10CmCode.Parse("F32.1"), Description = "Major depressive disorder, single episode, moderate", RecordedById = 1, RecordedAt = at };
        condition.Resolve(day.AddDays(40));
        var relationship = new CareRelationship { MemberId = 1, ProviderId = 1, StartOn = day };
        relationship.End(day.AddDays(10));
        var release = new Release
        {
            MemberId = 1, Kind = ReleaseKind.GeneralReleaseOfInformation, Information = ReleasedInformation.MentalHealthRecords | ReleasedInformation.MedicalRecords,
            InformationDescription = "Diagnoses and medications", AuthorizedDiscloser = "Dr. Maya Okafor, MD", RecipientPpgId = 1, Purpose = "Continuity of care",
            EffectiveOn = day, ExpirationEvent = "End of treatment", SignedOn = day, SignedBy = SignerKind.PersonalRepresentative, SignerName = "Jordan O'Neil",
            RepresentativeAuthority = "Parent of a minor child",
        };
        release.RecordExpirationEvent(day.AddDays(5));
        release.Revoke(at, "Revoked by phone");
        var content = SignedForm.Pdf(["A signed form"]);
        var document = new ReleaseDocument { ReleaseId = 1, ContentType = "application/pdf", Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), UploadedAt = onTheSecond };
        var note = new ProtectedNote { MemberId = 1, Content = ProtectedContent.PsychotherapyNotes, AuthorProviderId = 1, WrittenOn = day, Text = "Session 4." };
        var disclosure = new Disclosure
        {
            MemberId = 1, Content = ProtectedContent.PsychotherapyNotes, RecipientProviderId = 1, ReleaseId = 1, DisclosedAt = at, DisclosedByUserId = "user-1",
            Purpose = "Continuity of care", Description = ProtectedContent.PsychotherapyNotes.DescribeDisclosure([day]),
        };
        var audit = new AuditEntry { OccurredAt = at, UserId = "user-1", Action = AuditAction.MemberRecordViewed, MemberId = 1, Outcome = AuditOutcome.Success, CorrelationId = "0HN1:00000001" };
        audit.Seal(null);

        await using (var db = new SqliteCareDbContext(new DbContextOptionsBuilder<SqliteCareDbContext>().UseSqlite($"Data Source={byEf};Pooling=False").Options))
        {
            db.Ppgs.Add(ppg);
            await db.SaveChangesAsync();
            provider.PpgId = ppg.Id;
            member.PpgId = ppg.Id;
            db.AddRange(provider, member);
            await db.SaveChangesAsync();
            db.AddRange(flagged, task, message, condition, relationship, release, note, audit);
            db.MedicationOrders.AddRange(orders);
            await db.SaveChangesAsync();
            db.AddRange(document, disclosure, new TaskActivity { TaskId = task.Id, At = at, UserId = "user-3", Kind = TaskActivityKind.Claimed });
            await db.SaveChangesAsync();
            db.Add(TaskActivity.ContactAttempt(task.Id, "user-3", onTheSecond, ContactMethod.Fax, ContactOutcome.Sent, "Call again tomorrow", "Left with the front desk"));
            await db.SaveChangesAsync();
        }

        var history = new MemberHistory();
        history.Events.Add(flagged);
        history.Tasks.Add(new QueuedTask(task, 0, task.Version));
        history.Activities.Add(new ActivityRow(0, at, "user-3", TaskActivityKind.Claimed, null, null, null));
        var attempt = TaskActivity.ContactAttempt(0, "user-3", onTheSecond, ContactMethod.Fax, ContactOutcome.Sent, "Call again tomorrow", "Left with the front desk");
        history.Activities.Add(new ActivityRow(0, attempt.At, attempt.UserId, attempt.Kind, attempt.ContactMethod, attempt.ContactOutcome, attempt.Note));
        history.Messages.Add(new MessageRow(message, 0));
        var releases = new PlanReleases();
        releases.Releases.Add(release);
        releases.Documents.Add((0, document));
        releases.Notes.Add(note);
        releases.Disclosures.Add((0, disclosure));
        using (var db = BulkDatabase.Open(byGenerator, new ConsoleProgress(TextWriter.Null, redraw: false)))
        {
            DirectoryGenerator.Write(db, new PlanDirectory(
                [new PpgRow(1, ppg.Name, ppg.Phone!, ppg.Fax!, ppg.Version)],
                [new ProviderRow(1, provider.Npi.Value, provider.GivenName, provider.FamilyName, provider.Credentials!, provider.Kind, provider.Discipline,
                    provider.CanPrescribe, provider.PpgId, provider.Phone!, provider.Fax!, provider.SecureEmail!, provider.Version, provider.IsPart2Program)]));
            MemberGenerator.Write(db, new PlanMembers([new MemberRow
            {
                Id = 1, PlanMemberId = member.PlanMemberId, GivenName = member.GivenName, FamilyName = member.FamilyName, DateOfBirth = member.DateOfBirth,
                Sex = member.Sex, Phone = member.Phone, PpgId = member.PpgId, PcpId = member.PcpId, EnrollmentDate = member.EnrollmentDate,
            }], []));
            CareGenerator.Write(db, new PlanCare([], [condition], orders, [relationship], [], []));
            HistoryGenerator.Write(db, new PlanHistory([MemberHistory.Empty, history]));
            ReleaseGenerator.Write(db, releases);
            AuditTrailGenerator.Write(db, [audit], 1);
        }

        var ef = TableDump.Of(byEf);
        var generated = TableDump.Of(byGenerator);
        Assert.Equal(ef.Keys.Order(), generated.Keys.Order());
        Assert.Contains("2026-03-04 17:22:05.1234567", ef["CoordinationEvents"], StringComparison.Ordinal);
        Assert.Contains("37.5", ef["MedicationOrders"], StringComparison.Ordinal);
        foreach (var table in ef.Keys)
        {
            Assert.Equal(ef[table], generated[table]);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
