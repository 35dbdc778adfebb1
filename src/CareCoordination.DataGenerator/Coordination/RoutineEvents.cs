using CareCoordination.Core.Coordination;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Identity;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;

namespace CareCoordination.DataGenerator.Coordination;

internal sealed record RoutineEvent(CoordinationEventKind Kind, string Summary, int? ProviderId, string UserId, string? Note, bool SharingDiscussed);

/// <summary>
/// The rest of a timeline, which raises no flag: care managers' calls and notes, follow-up visits, refills, negative
/// screens, referrals within behavioral health or to medical specialists, treatment plan updates, requests for records,
/// and the lab work that monitors lithium, clozapine and antipsychotics.
/// </summary>
internal sealed class RoutineEvents(PlanDirectory directory, PlanAccounts accounts, Weighted<Account> careManagers)
{
    private static readonly string[] Calls =
    [
        "Phoned the PCP office; left a message with the medical assistant", "Faxed the coordination summary to the PCP office",
        "Called the member to confirm the BH appointment; no answer", "Reached the member; appointment confirmed for next week",
        "Sent a secure message to the BH practitioner asking for the treatment plan", "Phoned BH Provider Services; referral logged",
        "Left a voicemail for the member about the referral", "Reached the PCP office; labs scheduled",
        "Mailed the member a letter with the Member Services number", "Reached the BH practitioner's office; intake scheduled",
    ];

    private static readonly string[] CareManagerNotes =
    [
        "Member asked that coordination go through the clinic's care coordinator", "Transportation arranged for the next appointment",
        "Member moved; new address passed to Member Services", "Member declined a referral at this time",
        "Interpreter needed for future calls (Spanish)", "Member prefers text reminders for appointments",
    ];

    private static readonly string[] ClinicianNotes =
    [
        "Discussed coordination with the member, who agreed to share with the PCP", "Member reports improved sleep and mood",
        "Missed appointment; outreach planned", "Safety plan reviewed and updated", "Family session held with the member's consent",
    ];

    private static readonly string[] FollowUps =
    [
        "Follow-up visit: symptoms stable on the current regimen", "Follow-up visit: partial response; reassess in 4 weeks",
        "Medication management visit: no side effects reported", "Psychotherapy session: working on behavioral activation",
        "Psychotherapy session: practiced coping skills for panic symptoms", "Follow-up visit: sleep improved, mood brighter",
    ];

    private static readonly string[] BhReferrals =
    [
        "Referred to a DBT skills group", "Referred to an intensive outpatient program", "Referred to a peer support specialist",
        "Referred to group therapy for anxiety", "Referred to a trauma-focused therapist",
    ];

    private static readonly string[] SpecialistReferrals =
        ["Referred to cardiology", "Referred to endocrinology for diabetes management", "Referred to physical therapy", "Referred to a sleep study"];

    private static readonly string[] Plans =
    [
        "Treatment plan updated: weekly CBT for 12 weeks", "Treatment plan updated: biweekly therapy and monthly medication management",
        "Treatment plan: relapse prevention and peer support", "Treatment plan: trauma-focused CBT", "Treatment plan: family therapy every other week",
    ];

    private static readonly string[] RecordRequests =
    [
        "Requested psychotherapy notes; blocked: no authorization on file", "Requested records from the previous BH practitioner",
        "Requested Part 2 SUD records under the member's consent", "Requested hospital discharge summary",
    ];

    private static readonly string[] ClinicalNotes =
    [
        "Member engaged and motivated.", "Reviewed side effects and warning signs with the member.", "Member brought a family member to the visit.",
        "Will reassess at the next visit.", "Member asked for a copy of the plan.",
    ];

    public RoutineEvent Make(MemberRow member, MemberCare care, int age, Random random)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(care);
        var behavioral = member.Profile != BhProfile.None;
        var kind = Kind(behavioral, care, age, random);
        var pcp = member.PcpId ?? random.Pick(directory.Pcps).Id;
        var bh = care.TherapistId ?? care.PrescriberId ?? random.Pick(directory.Bh).Id;
        var prescriber = care.PrescriberId ?? pcp;
        return kind switch
        {
            CoordinationEventKind.ContactAttempt => ByCareManager(kind, random.Pick(Calls), random.Chance(0.5) ? pcp : bh, random),
            CoordinationEventKind.Note when random.Chance(0.5) || !behavioral => ByCareManager(kind, random.Pick(CareManagerNotes), null, random),
            CoordinationEventKind.Note => By(kind, random.Pick(ClinicianNotes), bh, random),
            CoordinationEventKind.Assessment => By(kind, random.Pick(FollowUps), bh, random),
            CoordinationEventKind.Prescription => Refill(care, pcp, random),
            CoordinationEventKind.Finding => By(kind, NegativeScreen(age, random), pcp, random),
            CoordinationEventKind.Referral when behavioral && random.Chance(0.6) => By(kind, random.Pick(BhReferrals), bh, random),
            CoordinationEventKind.Referral => By(kind, random.Pick(SpecialistReferrals), pcp, random),
            CoordinationEventKind.TreatmentPlan => By(kind, random.Pick(Plans), bh, random),
            CoordinationEventKind.ReleaseRequest => By(kind, random.Pick(RecordRequests), random.Chance(0.5) ? pcp : bh, random),
            CoordinationEventKind.MedicationMonitoring => By(kind, care.Psychotropics.Exists(p => p.Regimen.Ingredient == "lithium")
                ? "Serum lithium level drawn" : "ANC drawn for clozapine monitoring", prescriber, random),
            _ => By(kind, random.Chance(0.5) ? "Fasting glucose and lipid panel drawn" : "HbA1c and LDL-C drawn", prescriber, random),
        };
    }

    private static CoordinationEventKind Kind(bool behavioral, MemberCare care, int age, Random random)
    {
        Span<(CoordinationEventKind Kind, double Weight)> weights =
        [
            (CoordinationEventKind.ContactAttempt, 22),
            (CoordinationEventKind.Note, 16),
            (CoordinationEventKind.Assessment, behavioral ? 14 : 0),
            (CoordinationEventKind.Prescription, care.Psychotropics.Count + care.MedicalDrugs.Count > 0 ? 12 : 0),
            (CoordinationEventKind.Finding, age >= 12 ? 8 : 3),
            (CoordinationEventKind.Referral, 5),
            (CoordinationEventKind.TreatmentPlan, behavioral ? 5 : 0),
            (CoordinationEventKind.ReleaseRequest, behavioral ? 3 : 0),
            (CoordinationEventKind.MedicationMonitoring, care.OnLithiumOrClozapine ? 8 : 0),
            (CoordinationEventKind.MetabolicScreening, care.OnAntipsychotic ? 5 : 0),
        ];
        var total = 0.0;
        foreach (var (_, weight) in weights)
        {
            total += weight;
        }

        var target = random.NextDouble() * total;
        foreach (var (kind, weight) in weights)
        {
            target -= weight;
            if (target < 0 && weight > 0)
            {
                return kind;
            }
        }

        return CoordinationEventKind.Note;
    }

    private RoutineEvent Refill(MemberCare care, int pcp, Random random)
    {
        var psychotropic = care.Psychotropics.Count > 0 && (care.MedicalDrugs.Count == 0 || random.Chance(0.6));
        var (order, regimen) = psychotropic ? random.Pick(care.Psychotropics) : random.Pick(care.MedicalDrugs);
        var verb = random.Chance(0.7) ? "Refilled" : "Renewed for 90 days:";
        return By(CoordinationEventKind.Prescription, $"{verb} {order.DrugName} {regimen.Written(order.Dose)}", psychotropic ? order.PrescriberId : pcp, random);
    }

    private static string NegativeScreen(int age, Random random) => age < 12
        ? "Well-child visit; developmental and behavioral screen negative"
        : random.Next(3) switch
        {
            0 => $"PHQ-9 of {random.Next(0, 10)} at annual exam; negative screen",
            1 => $"GAD-7 of {random.Next(0, 10)} at annual exam; negative screen",
            _ => $"AUDIT-C of {random.Next(0, 3)} at annual exam; negative screen",
        };

    private RoutineEvent ByCareManager(CoordinationEventKind kind, string summary, int? providerId, Random random) =>
        new(kind, summary, providerId, careManagers.Next(random).Id, null, SharingDiscussed: false);

    private RoutineEvent By(CoordinationEventKind kind, string summary, int providerId, Random random) =>
        new(kind, summary, providerId, accounts.UserOf(providerId) ?? careManagers.Next(random).Id,
            random.Chance(0.12) ? random.Pick(ClinicalNotes) : null, SharingDiscussed: random.Chance(0.7));
}
