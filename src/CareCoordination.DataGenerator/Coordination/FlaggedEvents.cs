using CareCoordination.Core.Clinical;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.DataGenerator.Clinical;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;

namespace CareCoordination.DataGenerator.Coordination;

/// <summary>A clinical event as a clinician recorded it, and the one rule outcome it raised.</summary>
internal sealed record FlaggedEvent(CoordinationEventKind Kind, string Summary, int ProviderId, RuleOutcome Outcome);

/// <summary>
/// Events that raise a coordination flag, made the way the app makes them: facts a clinician would record (a psychotropic
/// started, an intake assessment, a positive PHQ-9...) evaluated by the app's own rules on the day they happened, so the
/// reason, priority, due date and contact path are exactly what the app would have written. Each is built to raise one
/// flag (lithium, clozapine and esketamine starts, which raise two, are left out).
/// </summary>
internal sealed class FlaggedEvents(ClinicalCatalog catalog, ClinicalVocabulary vocabulary, PlanDirectory directory)
{
    private static readonly HashSet<string> StartsNeedingEvaluation = ["lithium", "clozapine", "esketamine"];

    private static readonly string[] StopReasons =
        ["side effects", "weight gain", "sedation", "not effective at an adequate dose", "member preference", "symptoms in remission"];

    private static readonly string[] Visits = ["annual exam", "a sick visit", "a follow-up visit", "a chronic care visit", "a post-hospital visit"];

    private static readonly string[] RoutineReferrals =
    [
        "Referred to behavioral health for counseling", "Referred to behavioral health for low mood and poor sleep",
        "Referred to behavioral health for anxiety", "Referred to behavioral health after a positive screen",
        "Referred to psychiatry for a medication evaluation",
    ];

    private readonly CoordinationRules _rules = new(vocabulary, RuleSettings.Default);

    private readonly MedicalEvaluationProcedure[] _ect = [.. vocabulary.MedicalEvaluationTreatments.Procedures.Where(p => p.System == "cpt" && p.Treatment == MedicalEvaluationTreatment.ElectroconvulsiveTherapy)];

    private readonly MedicalEvaluationProcedure[] _tms = [.. vocabulary.MedicalEvaluationTreatments.Procedures.Where(p => p.System == "cpt" && p.Treatment == MedicalEvaluationTreatment.TranscranialMagneticStimulation)];

    /// <summary>Which rule fires, in proportion to what the member's story makes likely.</summary>
    public static CoordinationTrigger Choose(MemberRow member, MemberCare care, int age, Random random)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(care);
        Span<double> weights = stackalloc double[6];
        var behavioral = member.Profile != BhProfile.None;
        weights[(int)CoordinationTrigger.PsychotropicStartOrChange] = behavioral && age >= 6 && (care.Psychotropics.Count > 0 || ClinicalCatalog.HasDrugs(member.Profile)) ? 30 : 0;
        weights[(int)CoordinationTrigger.NewMemberComorbidityOrChange] = behavioral ? 20 : 0;
        weights[(int)CoordinationTrigger.TreatmentNeedingMedicalEvaluation] = age >= 18 && member.Profile is BhProfile.Depression or BhProfile.Bipolar or BhProfile.Psychotic ? 3 : 0;
        weights[(int)CoordinationTrigger.MedicalToBhReferral] = behavioral ? 15 : 50;
        weights[(int)CoordinationTrigger.PcpFinding] = age < 12 ? 0 : behavioral ? 15 : 50;
        weights[(int)CoordinationTrigger.BhMedicalFinding] = behavioral ? 10 : 0;
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return (CoordinationTrigger)i;
            }
        }

        return CoordinationTrigger.MedicalToBhReferral;
    }

    public FlaggedEvent Make(CoordinationTrigger trigger, MemberRow member, MemberCare care, int age, DateOnly day, Random random)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(care);
        var (kind, summary, providerId, facts) = trigger switch
        {
            CoordinationTrigger.PsychotropicStartOrChange => PsychotropicChange(member, care, random),
            CoordinationTrigger.TreatmentNeedingMedicalEvaluation => TreatmentPlan(member, care, random),
            CoordinationTrigger.NewMemberComorbidityOrChange => ConditionChange(member, care, age, random),
            CoordinationTrigger.BhMedicalFinding => MedicalFinding(care, random),
            CoordinationTrigger.PcpFinding => PcpFinding(member, care, age, random),
            _ => Referral(member, care, random),
        };
        var outcomes = _rules.Evaluate(facts, day);
        if (outcomes.Count != 1 || outcomes[0].Trigger != trigger)
        {
            throw new InvalidOperationException($"'{summary}' was meant to raise {trigger.RuleId()} alone but raised [{string.Join(", ", outcomes.Select(o => o.RuleId))}].");
        }

        return new FlaggedEvent(kind, summary, providerId, outcomes[0]);
    }

    private (CoordinationEventKind, string, int, ClinicalEvent) PsychotropicChange(MemberRow member, MemberCare care, Random random)
    {
        var prescriber = care.PrescriberId ?? random.Pick(directory.Prescribers).Id;
        var active = care.Psychotropics;
        IReadOnlyList<MedicationFact> before = [.. active.Select(p => MedicationFact.From(p.Order))];
        var roll = random.NextDouble();
        if (active.Count == 0 || roll < 0.35)
        {
            var started = NewDrug(member.Profile, care, random);
            var dose = random.Pick(started.Doses);
            return (CoordinationEventKind.MedicationStarted, $"Started {started.DrugName(dose)} {started.Written(dose)}", prescriber,
                new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, before, Fact(started, dose), Stopped: null));
        }

        var (order, regimen) = random.Pick(active);
        if (roll < 0.75)
        {
            var to = SignificantlyDifferentDose(regimen, order.Dose, random);
            var direction = to > order.Dose ? "Increased" : "Decreased";
            return (CoordinationEventKind.Prescription,
                $"{direction} {regimen.Ingredient} from {Regimen.Amount(order.Dose)} {regimen.Unit} to {regimen.Written(to)}", prescriber,
                new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, before, Fact(regimen, to), Fact(regimen, order.Dose)));
        }

        if (roll < 0.9)
        {
            var reason = random.Pick(StopReasons);
            return (CoordinationEventKind.Prescription, $"Stopped {order.DrugName}: {reason}", prescriber,
                new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, before, Started: null, Fact(regimen, order.Dose), reason));
        }

        var replacement = NewDrug(member.Profile, care, random);
        var newDose = random.Pick(replacement.Doses);
        return (CoordinationEventKind.Prescription, $"Switched from {regimen.Ingredient} to {replacement.DrugName(newDose)} {replacement.Written(newDose)}", prescriber,
            new MedicationChanged(ProviderKind.BehavioralHealthPractitioner, before, Fact(replacement, newDose), Fact(regimen, order.Dose)));
    }

    private (CoordinationEventKind, string, int, ClinicalEvent) TreatmentPlan(MemberRow member, MemberCare care, Random random)
    {
        var tms = member.Profile == BhProfile.Depression && random.Chance(0.7);
        var procedure = random.Pick(tms ? _tms : _ect);
        var summary = tms ? "Planned a course of transcranial magnetic stimulation" : "Planned a course of electroconvulsive therapy";
        return (CoordinationEventKind.TreatmentPlan, summary, care.PrescriberId ?? random.Pick(directory.Prescribers).Id,
            new TreatmentPlanned(ProviderKind.BehavioralHealthPractitioner, procedure.System, procedure.Code, procedure.Display));
    }

    private (CoordinationEventKind, string, int, ClinicalEvent) ConditionChange(MemberRow member, MemberCare care, int age, Random random)
    {
        var clinician = care.TherapistId ?? care.PrescriberId ?? random.Pick(directory.Bh).Id;
        var behavioral = care.BhDiagnoses.Where(d => !d.Code.IsNicotineDependence()).ToList();
        var primary = behavioral.Count > 0 ? random.Pick(behavioral) : catalog.BhDiagnosis(member.Profile, random);
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            // An intake: what the new member reports. A comorbidity makes sure it counts even when the diagnosis alone would not.
            var medical = care.MedicalConditions.Count > 0 || primary.Code.IsAdjustmentDisorder()
                ? care.MedicalConditions.Take(2).DefaultIfEmpty(catalog.ChronicCondition(age < 18, random)).ToList()
                : [];
            List<DiagnosisFact> reported = [Unchanged(primary), .. medical.Select(Unchanged)];
            var comorbidities = medical.Count == 0 ? "" : $"; {string.Join(" and ", medical.Select(d => d.Description))} reported";
            return (CoordinationEventKind.Assessment, $"Intake assessment: {primary.Description}{comorbidities}", clinician,
                new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, MemberIsNewToPractitioner: true, reported));
        }

        var (change, summary) = roll < 0.8
            ? (DiagnosisChange.Worsened, $"Change in condition: {primary.Description}, worse since the last visit")
            : roll < 0.9
                ? (DiagnosisChange.Reactivated, $"{primary.Description}: symptoms have returned after a period of remission")
                : (DiagnosisChange.New, $"New diagnosis at a follow-up visit: {primary.Description}");
        return (CoordinationEventKind.Assessment, summary, clinician,
            new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, MemberIsNewToPractitioner: false, [new DiagnosisFact(primary.Code, primary.Description, change)]));
    }

    private (CoordinationEventKind, string, int, ClinicalEvent) MedicalFinding(MemberCare care, Random random)
    {
        var found = random.Pick(catalog.MedicalFindings);
        var where = random.Chance(0.5) ? "a medication management visit" : "a follow-up visit";
        return (CoordinationEventKind.Assessment, $"{found.Description} noted at {where}", care.PrescriberId ?? care.TherapistId ?? random.Pick(directory.Bh).Id,
            new DiagnosesRecorded(ProviderKind.BehavioralHealthPractitioner, MemberIsNewToPractitioner: false, [new DiagnosisFact(found.Code, found.Description, DiagnosisChange.New)]));
    }

    private (CoordinationEventKind, string, int, ClinicalEvent) PcpFinding(MemberRow member, MemberCare care, int age, Random random)
    {
        var pcp = member.PcpId ?? random.Pick(directory.Pcps).Id;
        var visit = random.Pick(Visits);
        var roll = random.NextDouble();
        ScreeningResults screens;
        string summary;
        Icd10CmCode? suspected = null;
        if (roll < 0.4)
        {
            var score = random.Next(10, 25);
            var item9 = random.Chance(0.12) ? random.Next(1, 4) : 0;
            screens = new ScreeningResults(phq9: score, phq9Item9: item9);
            var answered = item9 switch { 0 => "", 1 => "; item 9 answered \"several days\"", 2 => "; item 9 answered \"more than half the days\"", _ => "; item 9 answered \"nearly every day\"" };
            summary = $"PHQ-9 of {score} at {visit}{answered}";
        }
        else if (roll < 0.6)
        {
            var score = random.Next(10, 22);
            (screens, summary) = (new ScreeningResults(gad7: score), $"GAD-7 of {score} at {visit}");
        }
        else if (roll < 0.75)
        {
            var score = random.Next(ScreeningResults.AuditCThreshold(member.Sex), 13);
            (screens, summary) = (new ScreeningResults(auditC: score), $"AUDIT-C of {score} at {visit}");
        }
        else if (roll < 0.85 && age >= 18)
        {
            var score = random.Next(3, 11);
            (screens, summary) = (new ScreeningResults(dast10: score), $"DAST-10 of {score} at {visit}");
        }
        else
        {
            var behavioral = care.BhDiagnoses.Where(d => !d.Code.IsNicotineDependence()).ToList();
            var diagnosis = behavioral.Count > 0 ? random.Pick(behavioral) : catalog.BhDiagnosis(BhProfile.Depression, random);
            (screens, suspected, summary) = (ScreeningResults.None, diagnosis.Code, $"Suspected {diagnosis.Description} at {visit}");
        }

        return (CoordinationEventKind.Finding, summary, pcp, new PcpFindingRecorded(ProviderKind.PrimaryCarePhysician, member.Sex, suspected, screens));
    }

    private (CoordinationEventKind, string, int, ClinicalEvent) Referral(MemberRow member, MemberCare care, Random random)
    {
        var specialized = care.MedicalConditions.Count > 0 && random.Chance(0.35);
        var summary = specialized ? "Referred to behavioral health; co-occurring conditions need specialized help" : random.Pick(RoutineReferrals);
        return (CoordinationEventKind.Referral, summary, member.PcpId ?? random.Pick(directory.Pcps).Id,
            new ReferralMade(ProviderKind.PrimaryCarePhysician, ToBehavioralHealth: true, specialized));
    }

    /// <summary>A psychotropic the member is not taking, and whose start raises T1 alone.</summary>
    private Regimen NewDrug(BhProfile profile, MemberCare care, Random random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var regimen = attempt < 10 && ClinicalCatalog.HasDrugs(profile) ? catalog.Psychotropic(profile, random) : random.Pick(catalog.Psychotropics);
            if (!StartsNeedingEvaluation.Contains(regimen.Ingredient) && !care.Psychotropics.Exists(p => p.Regimen.Ingredient == regimen.Ingredient))
            {
                return regimen;
            }
        }

        return catalog.Psychotropics.First(r => !StartsNeedingEvaluation.Contains(r.Ingredient) && !care.Psychotropics.Exists(p => p.Regimen.Ingredient == r.Ingredient));
    }

    /// <summary>A new dose at least 50% away from the old one (any change, for lithium and clozapine), as T1 counts significance.</summary>
    private static decimal SignificantlyDifferentDose(Regimen regimen, decimal from, Random random)
    {
        var anyChange = regimen.Ingredient is "lithium" or "clozapine";
        var candidates = regimen.Doses.Where(d => d != from && (anyChange || Math.Abs(d - from) >= from / 2)).ToList();
        return candidates.Count > 0 ? random.Pick(candidates) : from * 2;
    }

    private static MedicationFact Fact(Regimen regimen, decimal dose) =>
        new(regimen.DrugName(dose), regimen.AtcCode, regimen.RxNormCode, regimen.Frequency.AdministrationsPerDay() * dose, regimen.Unit);

    private static DiagnosisFact Unchanged(Diagnosis diagnosis) => new(diagnosis.Code, diagnosis.Description, DiagnosisChange.Unchanged);
}
