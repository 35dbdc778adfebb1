using System.Security.Cryptography;
using Bogus;
using CareCoordination.Core.Consent;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator.Consent;

internal sealed class PlanReleases
{
    public List<Release> Releases { get; } = [];

    /// <summary>The scanned form of a release, by the release's index.</summary>
    public List<(int ReleaseIndex, ReleaseDocument Document)> Documents { get; } = [];

    public List<ProtectedNote> Notes { get; } = [];

    public List<(int ReleaseIndex, Disclosure Disclosure)> Disclosures { get; } = [];
}

/// <summary>
/// Releases of every kind and state: psychotherapy-notes authorizations (a few wrongly combined with other information),
/// Part 2 SUD consents (half of them the single consent for treatment, payment and operations), general releases; to a
/// provider or a whole PPG; signed by the member or a personal representative (some without recorded authority); active,
/// not yet effective, expired by date or by an event, or revoked. Most carry a scanned form; the members behind the
/// notes authorizations and SUD consents have psychotherapy notes or Part 2 records, and some of those were disclosed.
/// </summary>
internal static class ReleaseGenerator
{
    private static readonly string[] Purposes =
    [
        "Coordination of care with my primary care physician", "Continuity of care", "At the request of the member",
        "Treatment, payment and health care operations", "Coordination of medication management", "Transition of care after hospital discharge",
    ];

    private static readonly string[] ExpirationEvents = ["End of treatment", "When the member leaves the program", "Discharge from the treatment program"];

    private static readonly string[] SessionNotes =
    [
        "Explored the intrusive memories that follow the anniversary of the loss; practiced grounding. Member tearful but engaged.",
        "Processed avoidance at work; began a graded exposure hierarchy. Discussed guilt and self-blame.",
        "Reported two nightmares this week, fewer than before. Reviewed the exposure log; first step went well.",
        "Worked on the relationship with the member's mother; role-played setting a limit. Member more assertive in session.",
        "Examined the thought record from the week; identified all-or-nothing thinking around the job search.",
    ];

    private static readonly string[] ProgramRecords =
    [
        "Opioid treatment program: buprenorphine-naloxone 16 mg daily. Urine toxicology negative for non-prescribed opioids. Attending weekly group.",
        "Intensive outpatient program, week 4: attendance 11 of 12 sessions. Cravings rated 3 of 10. Sponsor identified.",
        "Methadone maintenance: dose stable at 80 mg. Take-home doses earned for weekends. No missed doses this month.",
    ];

    public static PlanReleases Generate(PlanSize size, PlanDirectory directory, PlanAccounts accounts, PlanMembers members, PlanCare care, PlanTime time, int seed)
    {
        var random = Seeds.For(seed, "releases");
        var verifying = Seeds.For(seed, "release-verification");
        var faker = new Faker("en") { Random = new Randomizer(random.Next()) };
        var plan = new PlanReleases();
        var lastDay = time.AsOf.AddDays(-1);
        var behavioral = members.All.Where(m => m.Profile != BhProfile.None).ToList();
        DateOnly Between(DateOnly from, DateOnly to) => from >= to ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

        for (var i = 0; i < size.Releases; i++)
        {
            var member = behavioral.Count > 0 && random.Chance(0.75) ? random.Pick(behavioral) : random.Pick(members.All);
            var memberCare = care.ByMember[member.Id];
            var kind = KindFor(member.Profile, random);
            var treating = directory[memberCare.TherapistId ?? memberCare.PrescriberId ?? random.Pick(directory.Bh).Id];
            var toPpg = random.Chance(0.2);
            var recipient = toPpg ? null : random.Chance(0.7) ? directory[member.PcpId ?? random.Pick(directory.Pcps).Id] : random.Pick(directory.Bh);
            var signedOn = lastDay.AddDays(-random.Next(0, 720));
            var effectiveOn = random.Chance(0.92) ? signedOn : signedOn.AddDays(14);
            var byEvent = random.Chance(0.3);
            var minor = member.AgeOn(signedOn) < 18;
            var representative = minor || random.Chance(0.08);
            var release = new Release
            {
                MemberId = member.Id,
                RecordedByUserId = verifying.Pick(accounts.CareManagers).Id,
                RecordedAt = time.DuringOfficeHours(signedOn, verifying),
                Kind = kind,
                Information = kind switch
                {
                    ReleaseKind.PsychotherapyNotesAuthorization => random.Chance(0.05)
                        ? ReleasedInformation.PsychotherapyNotes | ReleasedInformation.MedicalRecords
                        : ReleasedInformation.PsychotherapyNotes,
                    ReleaseKind.SubstanceUseDisorderConsent => ReleasedInformation.SubstanceUseDisorderRecords,
                    _ => random.Next(3) switch
                    {
                        0 => ReleasedInformation.MentalHealthRecords,
                        1 => ReleasedInformation.MedicalRecords,
                        _ => ReleasedInformation.MentalHealthRecords | ReleasedInformation.MedicalRecords,
                    },
                },
                InformationDescription = kind switch
                {
                    ReleaseKind.PsychotherapyNotesAuthorization => $"Psychotherapy notes from individual sessions with {treating.Salutation}",
                    ReleaseKind.SubstanceUseDisorderConsent => "Substance use disorder treatment records: diagnosis, medications, dosing and attendance",
                    _ => "Diagnoses, medication list and treatment summary",
                },
                AuthorizedDiscloser = $"{treating.Salutation}, {treating.Credentials}",
                RecipientProviderId = recipient?.Id,
                RecipientPpgId = toPpg ? member.PpgId : null,
                Purpose = kind == ReleaseKind.SubstanceUseDisorderConsent && random.Chance(0.5) ? "Treatment, payment and health care operations" : random.Pick(Purposes),
                CoversTreatmentPaymentAndOperations = kind == ReleaseKind.SubstanceUseDisorderConsent && random.Chance(0.5),
                EffectiveOn = effectiveOn,
                ExpiresOn = byEvent ? null : effectiveOn.AddDays(365),
                ExpirationEvent = byEvent ? random.Pick(ExpirationEvents) : null,
                SignedOn = signedOn,
                SignedBy = representative ? SignerKind.PersonalRepresentative : SignerKind.Member,
                SignerName = representative ? $"{faker.Name.FirstName()} {(minor ? member.FamilyName : faker.Name.LastName())}" : member.FullName,
                RepresentativeAuthority = !representative || random.Chance(0.1) ? null
                    : minor ? "Parent of a minor child" : random.Chance(0.5) ? "Health care power of attorney" : "Court-appointed guardian",
            };
            if (byEvent && random.Chance(0.25) && effectiveOn < lastDay)
            {
                release.RecordExpirationEvent(Between(effectiveOn.AddDays(1), lastDay));
            }

            if (random.Chance(0.08) && effectiveOn < lastDay)
            {
                release.Revoke(time.DuringOfficeHours(Between(effectiveOn.AddDays(1), lastDay), random),
                    random.Chance(0.5) ? "Member revoked in writing at the clinic" : "Revoked by phone; written revocation on file");
            }

            Verify(release, accounts, time, verifying);
            plan.Releases.Add(release);
            var index = plan.Releases.Count - 1;
            if (random.Chance(0.7))
            {
                var content = SignedForm.Pdf([$"{kind.Label()} (generated form)", $"Signed {signedOn:yyyy-MM-dd} by {release.SignerName}", $"Purpose: {release.Purpose}"]);
                plan.Documents.Add((index, new ReleaseDocument
                {
                    ReleaseId = 0,
                    ContentType = "application/pdf",
                    Content = content,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                    UploadedAt = time.DuringOfficeHours(signedOn, random),
                }));
            }

            if (kind != ReleaseKind.GeneralReleaseOfInformation)
            {
                AddProtectedContent(plan, index, release, treating, recipient, accounts, time, random);
            }
        }

        return plan;
    }

    /// <summary>
    /// Most releases were checked by the privacy office the day after they were recorded; a few still wait, a few were
    /// refused. Drawn from a stream of its own, so the rest of the plan is the same as before verification existed.
    /// </summary>
    private static void Verify(Release release, PlanAccounts accounts, PlanTime time, Random random)
    {
        var verifiedOn = release.SignedOn.AddDays(1);
        var verifier = new Verifier(accounts.PrivacyOfficer.Id, IsPrivacyOfficer: true, ProviderId: null, ProviderPpgId: null, HoldsTheNotes: false);
        var roll = random.NextDouble();
        if (roll < 0.9 && verifiedOn < time.AsOf)
        {
            release.Verify(verifier, time.DuringOfficeHours(verifiedOn, random));
        }
        else if (roll < 0.95 && verifiedOn < time.AsOf)
        {
            release.RefuseVerification(verifier, time.DuringOfficeHours(verifiedOn, random), "The signature does not match the member's on file");
        }
    }

    private static ReleaseKind KindFor(BhProfile profile, Random random)
    {
        var roll = random.NextDouble();
        return profile switch
        {
            BhProfile.AlcoholUse or BhProfile.OpioidUse or BhProfile.OtherSubstanceUse => roll < 0.6 ? ReleaseKind.SubstanceUseDisorderConsent
                : roll < 0.75 ? ReleaseKind.PsychotherapyNotesAuthorization : ReleaseKind.GeneralReleaseOfInformation,
            BhProfile.None => roll < 0.15 ? ReleaseKind.PsychotherapyNotesAuthorization : ReleaseKind.GeneralReleaseOfInformation,
            _ => roll < 0.35 ? ReleaseKind.PsychotherapyNotesAuthorization : roll < 0.45 ? ReleaseKind.SubstanceUseDisorderConsent : ReleaseKind.GeneralReleaseOfInformation,
        };
    }

    /// <summary>Notes the release is about, written by the treating practitioner, and for some a disclosure under it.</summary>
    private static void AddProtectedContent(PlanReleases plan, int releaseIndex, Release release, ProviderRow author, ProviderRow? recipient,
        PlanAccounts accounts, PlanTime time, Random random)
    {
        var content = release.Kind == ReleaseKind.PsychotherapyNotesAuthorization ? ProtectedContent.PsychotherapyNotes : ProtectedContent.SubstanceUseDisorderRecords;
        var texts = content == ProtectedContent.PsychotherapyNotes ? SessionNotes : ProgramRecords;
        var written = new List<DateOnly>();
        for (var day = release.SignedOn.AddDays(-random.Next(7, 60)); day < time.AsOf && written.Count < 5; day = day.AddDays(random.Next(7, 15)))
        {
            written.Add(day);
            plan.Notes.Add(new ProtectedNote { MemberId = release.MemberId, Content = content, AuthorProviderId = author.Id, WrittenOn = day, Text = random.Pick(texts) });
        }

        var disclosedOn = release.EffectiveOn.AddDays(random.Next(1, 30));
        var releasedNotes = written.Where(d => d <= disclosedOn).ToList();
        if (recipient is null || releasedNotes.Count == 0 || disclosedOn >= time.AsOf || release.StatusOn(disclosedOn) != ReleaseStatus.Active
            || accounts.UserOf(author.Id) is not { } discloser || !random.Chance(0.3) || release.Verification != ReleaseVerification.Verified)
        {
            return;
        }

        plan.Disclosures.Add((releaseIndex, new Disclosure
        {
            MemberId = release.MemberId,
            Content = content,
            RecipientProviderId = recipient.Id,
            ReleaseId = 0,
            DisclosedAt = time.DuringOfficeHours(disclosedOn, random),
            DisclosedByUserId = discloser,
            Purpose = release.Purpose,
            Description = content.DescribeDisclosure(releasedNotes),
        }));
    }

    public static void Write(BulkDatabase db, PlanReleases plan)
    {
        using (var table = db.Table("Releases", plan.Releases.Count,
            "Id", "MemberId", "Kind", "Information", "InformationDescription", "AuthorizedDiscloser", "RecipientProviderId", "RecipientPpgId", "Purpose",
            "CoversTreatmentPaymentAndOperations", "EffectiveOn", "ExpiresOn", "ExpirationEvent", "ExpirationEventOccurredOn", "SignedOn", "SignedBy",
            "SignerName", "RepresentativeAuthority", "RevokedAt", "RevocationNote", "RecordedByUserId", "RecordedAt", "Verification", "VerifiedByUserId",
            "VerifiedAt", "VerificationRefusal", "RevocationSignedOn", "RevokedByUserId"))
        {
            var id = 0;
            foreach (var r in plan.Releases)
            {
                table.Insert(++id, r.MemberId, r.Kind.ToString(), (int)r.Information, r.InformationDescription, r.AuthorizedDiscloser, r.RecipientProviderId,
                    r.RecipientPpgId, r.Purpose, r.CoversTreatmentPaymentAndOperations, r.EffectiveOn, r.ExpiresOn, r.ExpirationEvent, r.ExpirationEventOccurredOn,
                    r.SignedOn, r.SignedBy.ToString(), r.SignerName, r.RepresentativeAuthority, r.RevokedAt, r.RevocationNote, r.RecordedByUserId, r.RecordedAt,
                    r.Verification.ToString(), r.VerifiedByUserId, r.VerifiedAt, r.VerificationRefusal, r.RevocationSignedOn, r.RevokedByUserId);
            }
        }

        using (var table = db.Table("ReleaseDocuments", plan.Documents.Count, "Id", "ReleaseId", "ContentType", "Content", "Sha256", "UploadedAt"))
        {
            var id = 0;
            foreach (var (releaseIndex, d) in plan.Documents)
            {
                table.Insert(++id, releaseIndex + 1, d.ContentType, d.Content, d.Sha256, d.UploadedAt);
            }
        }

        using (var table = db.Table("ProtectedNotes", plan.Notes.Count, "Id", "MemberId", "Content", "AuthorProviderId", "WrittenOn", "Text"))
        {
            var id = 0;
            foreach (var n in plan.Notes)
            {
                table.Insert(++id, n.MemberId, n.Content.ToString(), n.AuthorProviderId, n.WrittenOn, n.Text);
            }
        }

        using (var table = db.Table("Disclosures", plan.Disclosures.Count,
            "Id", "MemberId", "Content", "RecipientProviderId", "ReleaseId", "EmergencyAccessId", "EmergencyNature", "DisclosedAt", "DisclosedByUserId", "Purpose", "Description"))
        {
            var id = 0;
            foreach (var (releaseIndex, d) in plan.Disclosures)
            {
                table.Insert(++id, d.MemberId, d.Content.ToString(), d.RecipientProviderId, releaseIndex + 1, d.EmergencyAccessId, d.EmergencyNature, d.DisclosedAt, d.DisclosedByUserId, d.Purpose, d.Description);
            }
        }
    }
}
