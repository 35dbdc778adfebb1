using CareCoordination.Core.Clinical;
using CareCoordination.Core.Members;
using CareCoordination.Core.Vocabularies;
using CareCoordination.DataGenerator.Members;
using CareCoordination.DataGenerator.Providers;
using CareCoordination.DataGenerator.Storage;

namespace CareCoordination.DataGenerator.Clinical;

/// <summary>
/// Each member's problem list (their behavioral health diagnoses, often a second one, nicotine dependence in some adults,
/// and chronic medical conditions that grow with age), their medications (psychotropics for three in four members whose
/// story is treated with drugs, usually by a BH prescriber, otherwise by their PCP; a drug stopped earlier for some;
/// first-line drugs for chronic conditions), and the BH practitioners treating them, a fifth of those relationships ended.
/// </summary>
internal static class CareGenerator
{
    private static readonly BhProfile[] Comorbidities = [BhProfile.Depression, BhProfile.Anxiety, BhProfile.AlcoholUse, BhProfile.OtherSubstanceUse, BhProfile.Trauma];

    private static readonly string[] StopReasons =
    [
        "side effects", "not effective at an adequate dose", "member preference", "symptoms in remission", "weight gain", "sedation",
        "drug interaction", "cost", "replaced by a long-acting option",
    ];

    public static PlanCare Generate(PlanSize size, PlanDirectory directory, PlanMembers members, ClinicalCatalog catalog, PlanTime time, int seed)
    {
        var random = Seeds.For(seed, "care");
        var asOf = time.AsOf;
        var (busy, caseload) = ChooseBench(size, members, asOf, random);
        var prescribers = new Weighted<int>(directory.Prescribers.Skip(1).Select(p => (p.Id, Math.Exp(0.5 * random.NextGaussian()))));
        var therapists = new Weighted<int>(directory.Therapists.Select(p => (p.Id, Math.Exp(0.5 * random.NextGaussian()))));
        var byMember = new MemberCare[members.All.Count + 1];
        var conditions = new List<Condition>();
        var orders = new List<MedicationOrder>();
        var relationships = new List<CareRelationship>();
        var lastDay = asOf.AddDays(-1);
        DateOnly Between(DateOnly from, DateOnly to) => from >= to ? to : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

        foreach (var member in members.All)
        {
            var care = byMember[member.Id] = new MemberCare();
            var age = member.AgeOn(asOf);
            var inCaseload = caseload.Contains(member.Id);
            var medicated = inCaseload || (ClinicalCatalog.HasDrugs(member.Profile) && random.Chance(0.75));
            var careStart = Between(member.EnrollmentDate.AddDays(5), Earlier(member.EnrollmentDate.AddDays(200), lastDay));

            if (member.Profile != BhProfile.None)
            {
                if (inCaseload || (medicated && random.Chance(0.8)))
                {
                    var prescriber = inCaseload ? directory.BenchPsychiatrist.Id : prescribers.Next(random);
                    care.PrescriberId = Relate(member, prescriber, inCaseload ? Between(Later(member.EnrollmentDate, asOf.AddDays(-900)), asOf.AddDays(-30)) : careStart, endable: !inCaseload);
                }

                if (!medicated || random.Chance(0.55))
                {
                    care.TherapistId = Relate(member, therapists.Next(random), careStart, endable: true);
                }

                care.BhDiagnoses.Add(catalog.BhDiagnosis(member.Profile, random));
                if (age >= 12 && random.Chance(0.35) && random.Pick(Comorbidities) is var comorbid && comorbid != member.Profile)
                {
                    care.BhDiagnoses.Add(catalog.BhDiagnosis(comorbid, random));
                }
            }

            if (age >= 18 && random.Chance(0.15))
            {
                care.BhDiagnoses.Add(catalog.NicotineDependence(random));
            }

            var chronicCount = age < 18 ? (random.Chance(0.15) ? 1 : 0) : age < 45 ? random.Next(0, 2) : age < 65 ? random.Next(0, 4) : random.Next(1, 5);
            for (var i = 0; i < chronicCount; i++)
            {
                var condition = catalog.ChronicCondition(age < 18, random);
                if (!care.MedicalConditions.Exists(c => c.Code == condition.Code))
                {
                    care.MedicalConditions.Add(condition);
                }
            }

            var bhRecorder = care.PrescriberId ?? care.TherapistId ?? random.Pick(directory.Bh).Id;
            var medicalRecorder = member.PcpId ?? random.Pick(directory.Pcps).Id;
            foreach (var (diagnosis, behavioral) in care.BhDiagnoses.Select(d => (d, !d.Code.IsNicotineDependence())).Concat(care.MedicalConditions.Select(d => (d, false))))
            {
                var recordedOn = Between(member.EnrollmentDate, lastDay);
                var onset = Between(member.DateOfBirth.AddYears(Math.Min(age, behavioral ? 10 : 1)), Earlier(recordedOn, careStart));
                var condition = new Condition
                {
                    MemberId = member.Id,
                    Code = diagnosis.Code,
                    Description = diagnosis.Description,
                    OnsetOn = random.Chance(0.85) ? onset : null,
                    RecordedById = behavioral ? bhRecorder : medicalRecorder,
                    RecordedAt = time.DuringOfficeHours(recordedOn, random),
                };
                if (random.Chance(0.1) && recordedOn < lastDay)
                {
                    condition.Resolve(Between(recordedOn.AddDays(1), lastDay));
                }

                conditions.Add(condition);
            }

            if (medicated)
            {
                var prescriber = care.PrescriberId ?? member.PcpId ?? random.Pick(directory.Prescribers).Id;
                var count = inCaseload ? random.Next(1, 3) : random.Chance(0.6) ? 1 : random.Chance(0.75) ? 2 : 3;
                for (var i = 0; i < count; i++)
                {
                    var regimen = catalog.Psychotropic(member.Profile, random);
                    if (care.Psychotropics.Exists(p => p.Regimen == regimen))
                    {
                        continue;
                    }

                    var order = regimen.Order(member.Id, random.Pick(regimen.Doses), Between(careStart, lastDay), prescriber);
                    care.Psychotropics.Add((order, regimen));
                    orders.Add(order);
                }

                if (random.Chance(0.35) && catalog.Psychotropic(member.Profile, random) is var earlier
                    && !care.Psychotropics.Exists(p => p.Regimen == earlier) && careStart > member.EnrollmentDate.AddDays(31))
                {
                    var order = earlier.Order(member.Id, random.Pick(earlier.Doses), Between(member.EnrollmentDate, careStart.AddDays(-30)), prescriber);
                    order.Stop(Between(order.StartOn.AddDays(14), careStart.AddDays(-1)), random.Pick(StopReasons));
                    orders.Add(order);
                }
            }

            foreach (var drug in care.MedicalConditions.Select(ClinicalCatalog.DrugFor).OfType<Regimen>().Distinct())
            {
                if (random.Chance(0.75))
                {
                    var order = drug.Order(member.Id, random.Pick(drug.Doses), Between(member.EnrollmentDate, lastDay), medicalRecorder);
                    care.MedicalDrugs.Add((order, drug));
                    orders.Add(order);
                }
            }
        }

        return new PlanCare(byMember, conditions, orders, relationships, [.. caseload.Order()], busy);

        // A BH practitioner starts treating the member; one in five such episodes has ended. Returns whom, while ongoing.
        int? Relate(MemberRow member, int providerId, DateOnly startOn, bool endable)
        {
            var relationship = new CareRelationship { MemberId = member.Id, ProviderId = providerId, StartOn = startOn };
            relationships.Add(relationship);
            if (endable && random.Chance(0.2) && startOn.AddDays(30) < lastDay)
            {
                relationship.End(startOn.AddDays(30 + random.Next(lastDay.DayNumber - startOn.DayNumber - 30)));
                return null;
            }

            return providerId;
        }
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// The busy members (on the bench PCP's panel, with a behavioral health story that is treated with drugs) and the bench
    /// psychiatrist's caseload: the busy members and others with such a story from across the plan.
    /// </summary>
    private static (IReadOnlyList<int> Busy, HashSet<int> Caseload) ChooseBench(PlanSize size, PlanMembers members, DateOnly asOf, Random random)
    {
        var busy = members.BenchPanel.Select(id => members[id]).OrderBy(m => m.AgeOn(asOf) < 18).ThenBy(_ => random.Next()).Take(size.BusyMembers).ToList();
        foreach (var member in busy.Where(m => !ClinicalCatalog.HasDrugs(m.Profile)))
        {
            member.Profile = BhProfile.Depression;
        }

        var caseload = new HashSet<int>(busy.Select(m => m.Id));
        foreach (var member in members.All.Where(m => ClinicalCatalog.HasDrugs(m.Profile)).OrderBy(_ => random.Next()))
        {
            if (caseload.Count >= size.BenchCaseload)
            {
                break;
            }

            caseload.Add(member.Id);
        }

        return ([.. busy.Select(m => m.Id).Order()], caseload);
    }

    public static void Write(BulkDatabase db, PlanCare care)
    {
        using (var table = db.Table("CareRelationships", care.Relationships.Count, "Id", "MemberId", "ProviderId", "StartOn", "EndOn"))
        {
            var id = 0;
            foreach (var r in care.Relationships)
            {
                table.Insert(++id, r.MemberId, r.ProviderId, r.StartOn, r.EndOn);
            }
        }

        using (var table = db.Table("Conditions", care.Conditions.Count,
            "Id", "MemberId", "Code", "Description", "OnsetOn", "RecordedById", "RecordedAt", "Status", "ResolvedOn"))
        {
            var id = 0;
            foreach (var c in care.Conditions)
            {
                table.Insert(++id, c.MemberId, c.Code.Value, c.Description, c.OnsetOn, c.RecordedById, c.RecordedAt, c.Status.ToString(), c.ResolvedOn);
            }
        }

        using (var table = db.Table("MedicationOrders", care.Orders.Count,
            "Id", "MemberId", "DrugName", "AtcCode", "RxNormCode", "Dose", "DoseUnit", "Frequency", "StartOn", "StopOn", "StopReason", "PrescriberId"))
        {
            var id = 0;
            foreach (var o in care.Orders)
            {
                table.Insert(++id, o.MemberId, o.DrugName, o.AtcCode, o.RxNormCode, o.Dose, o.DoseUnit, o.Frequency.ToString(), o.StartOn, o.StopOn, o.StopReason, o.PrescriberId);
            }
        }
    }
}
