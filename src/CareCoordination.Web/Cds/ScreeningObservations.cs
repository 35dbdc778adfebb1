using System.Globalization;
using CareCoordination.Core.Rules;
using Hl7.Fhir.Model;

namespace CareCoordination.Web.Cds;

/// <summary>
/// Standard screening scores from LOINC-coded Observations (or Observation components, as a PHQ-9 panel carries
/// them): PHQ-9 total 44261-6, PHQ-9 item 9 44260-8, GAD-7 total 70274-6, AUDIT-C total 75626-2, DAST-10 total 82667-7.
/// </summary>
public static class ScreeningObservations
{
    public const string Phq9Total = "44261-6";
    public const string Phq9Item9 = "44260-8";
    public const string Gad7Total = "70274-6";
    public const string AuditCTotal = "75626-2";
    public const string Dast10Total = "82667-7";

    private static readonly Dictionary<string, (string Name, int Max)> Instruments = new(StringComparer.Ordinal)
    {
        [Phq9Total] = ("PHQ-9 total", 27),
        [Phq9Item9] = ("PHQ-9 item 9", 3),
        [Gad7Total] = ("GAD-7 total", 21),
        [AuditCTotal] = ("AUDIT-C total", 12),
        [Dast10Total] = ("DAST-10 total", 10),
    };

    /// <summary>LOINC answers to PHQ items ("Not at all" ... "Nearly every day") and the points each scores.</summary>
    private static readonly Dictionary<string, int> PhqAnswerScores = new(StringComparer.Ordinal)
    {
        ["LA6568-5"] = 0,
        ["LA6569-3"] = 1,
        ["LA6570-1"] = 2,
        ["LA6571-9"] = 3,
    };

    public static ScreeningResults From(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            if (observation.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
            {
                continue;
            }

            Read(observation.Code, observation.Value, scores);
            foreach (var component in observation.Component)
            {
                Read(component.Code, component.Value, scores);
            }
        }

        return new ScreeningResults(
            phq9: Score(scores, Phq9Total), phq9Item9: Score(scores, Phq9Item9), gad7: Score(scores, Gad7Total),
            auditC: Score(scores, AuditCTotal), dast10: Score(scores, Dast10Total));
    }

    private static void Read(CodeableConcept? code, DataType? value, Dictionary<string, int> scores)
    {
        foreach (var loinc in code.CodesOf(FhirCodes.Loinc))
        {
            if (!Instruments.TryGetValue(loinc, out var instrument) || value is null)
            {
                continue;
            }

            var points = value switch
            {
                Integer { Value: { } whole } => whole,
                Quantity { Value: { } amount } when decimal.IsInteger(amount) && amount is >= int.MinValue and <= int.MaxValue => (int)amount,
                CodeableConcept answer => answer.CodesOf(FhirCodes.Loinc).Select(a => PhqAnswerScores.TryGetValue(a, out var s) ? s : (int?)null)
                    .FirstOrDefault(s => s is not null),
                _ => null,
            };
            if (points is not { } score || score < 0 || score > instrument.Max)
            {
                throw CdsRequestException.Invalid(
                    $"A {instrument.Name} observation must have a whole-number score from 0 to {instrument.Max.ToString(CultureInfo.InvariantCulture)}.");
            }

            scores[loinc] = score;
        }
    }

    private static int? Score(Dictionary<string, int> scores, string loinc) => scores.TryGetValue(loinc, out var score) ? score : null;
}
