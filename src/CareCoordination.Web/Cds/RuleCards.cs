using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Rules;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using FhirTask = Hl7.Fhir.Model.Task;

namespace CareCoordination.Web.Cds;

/// <summary>Who and what a suggested coordination task is about, in the EHR's own ids.</summary>
/// <param name="Focus">A reference to the draft order the rule fired on, when it has an id.</param>
public sealed record TaskSubject(string PatientId, string? EncounterId, string UserId, string? Focus = null);

/// <summary>
/// A card for each rule that fired: why (the rule's reason), the provider manual's words, who to contact, by when and
/// how; and one suggestion, to create the coordination task as a FHIR Task in the EHR.
/// </summary>
public sealed class RuleCards(TimeProvider time)
{
    private static readonly FhirJsonSerializer Serializer = new();

    public CdsCard For(RuleOutcome outcome, TaskSubject subject)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(subject);
        var label = outcome.Trigger.Label();
        var task = TaskFor(outcome, subject);
        return new CdsCard(
            Uuid: Guid.NewGuid().ToString(),
            Summary: CdsCard.Summarized(SummaryOf(outcome)),
            Detail: DetailOf(outcome),
            Indicator: IndicatorOf(outcome.Priority),
            Source: new CdsSource(CdsCard.SourceLabel, new CdsCoding(FhirCodes.CoordinationRule, outcome.RuleId, label)),
            Suggestions:
            [
                new CdsSuggestion($"Create coordination task ({outcome.RuleId})", Guid.NewGuid().ToString(),
                    [new CdsAction("create", $"Create a task to coordinate care ({label}) by {Date(outcome.DueOn)}.", task)]),
            ],
            SelectionBehavior: "at-most-one");
    }

    public static string IndicatorOf(Priority priority) => priority switch
    {
        Priority.Urgent => CdsIndicators.Critical,
        Priority.High => CdsIndicators.Warning,
        _ => CdsIndicators.Info,
    };

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What the clinician reading the card is asked to do, in a line: the rule, and the contact path with its due date.</summary>
    private static string SummaryOf(RuleOutcome outcome)
    {
        if (outcome.ShowsCrisisResources)
        {
            return $"{outcome.RuleId} Possible suicidal ideation: contact {outcome.ContactPath.Label()} today (crisis line 988)";
        }

        var what = outcome.Trigger == CoordinationTrigger.PcpFinding ? "Suspected psychiatric or substance use problem" : outcome.Trigger.Label();
        var due = Date(outcome.DueOn);
        return outcome.ContactPath switch
        {
            ContactPath.BhProviderServices => $"{outcome.RuleId} {what}: contact Behavioral Health Provider Services by {due}",
            ContactPath.MemberServices => $"{outcome.RuleId} {what}: the member calls Member Services; follow-up due {due}",
            _ => $"{outcome.RuleId} {what}: coordinate with the member's PCP by {due}",
        };
    }

    private static string DetailOf(RuleOutcome outcome)
    {
        var detail = new StringBuilder()
            .Append("**Why:** ").Append(MarkdownText.Escape(outcome.Reason)).Append("\n\n")
            .Append("**Coordinate with:** ").Append(Recipients(outcome)).Append(". ")
            .Append("**Contact:** ").Append(outcome.ContactPath.Label()).Append(". ")
            .Append("**Due:** ").Append(Date(outcome.DueOn)).Append(" (").Append(outcome.Priority.ToString().ToLowerInvariant()).Append(" priority).\n\n");
        if (outcome.ShowsCrisisResources)
        {
            detail.Append("**Crisis resources:** the 988 Suicide and Crisis Lifeline (call or text 988). ")
                .Append("If the member is in immediate danger, call 911.\n\n");
        }

        if (outcome.RequestsMedicalEvaluation)
        {
            detail.Append("**Asks for:** a medical evaluation by the member's PCP before treatment.\n\n");
        }

        return detail.Append("**Provider manual, Coordination of Care:**\n\n> ").Append(outcome.ManualText).ToString();
    }

    private static string Recipients(RuleOutcome outcome) => string.Join(" and ", outcome.Recipients.Select(r => r.Label()));

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));

    private JsonNode TaskFor(RuleOutcome outcome, TaskSubject subject)
    {
        var task = new FhirTask
        {
            Status = FhirTask.TaskStatus.Requested,
            Intent = FhirTask.TaskIntent.Order,
            Priority = outcome.Priority switch
            {
                Priority.Urgent => RequestPriority.Stat,
                Priority.High => RequestPriority.Urgent,
                _ => RequestPriority.Routine,
            },
            Code = new CodeableConcept(FhirCodes.CoordinationRule, outcome.RuleId, outcome.Trigger.Label(), outcome.Trigger.Label()),
            Description = outcome.Reason,
            For = new ResourceReference($"Patient/{subject.PatientId}"),
            Encounter = subject.EncounterId is null ? null : new ResourceReference($"Encounter/{subject.EncounterId}"),
            Focus = subject.Focus is null ? null : new ResourceReference(subject.Focus),
            Requester = new ResourceReference(subject.UserId),
            AuthoredOnElement = new FhirDateTime(WholeSeconds(time.GetUtcNow())),
            PerformerType = [.. outcome.Recipients.Select(r => new CodeableConcept { Text = r.Label() })],
            Restriction = new FhirTask.RestrictionComponent { Period = new Period { End = Date(outcome.DueOn) } },
            Note = [new Annotation { Text = $"Contact: {outcome.ContactPath.Label()}. Provider manual: {outcome.ManualText}" }],
        };
        return JsonNode.Parse(Serializer.SerializeToString(task))!;
    }
}
