using CareCoordination.Core.Clinical;
using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Assessments;

/// <summary>One diagnosis row as typed; a row left blank is ignored.</summary>
public sealed class DiagnosisEntry
{
    public string? Code { get; set; }

    public string? Description { get; set; }

    public DateOnly? OnsetOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Description) && OnsetOn is null;

    public Icd10CmCode ParsedCode => Icd10CmCode.Parse(Code!);

    /// <summary>What the clinician wrote, or else the code's official description from the common list.</summary>
    public string DescriptionFrom(CommonDiagnoses common) =>
        string.IsNullOrWhiteSpace(Description) ? common.DescriptionOf(ParsedCode) ?? ParsedCode.Value : Description.Trim();

    /// <summary>Rows to show: those typed, padded with blank ones up to <paramref name="rows"/>.</summary>
    public static List<DiagnosisEntry> Padded(IEnumerable<DiagnosisEntry> typed, int rows)
    {
        var padded = typed.Take(rows).ToList();
        padded.AddRange(Enumerable.Range(0, rows - padded.Count).Select(_ => new DiagnosisEntry()));
        return padded;
    }
}

public sealed class DiagnosisEntryValidator : AbstractValidator<DiagnosisEntry>
{
    public DiagnosisEntryValidator(PlanClock clock, ClinicalVocabulary vocabulary) => When(e => !e.IsBlank, () =>
    {
        RuleFor(e => e.Code).NotEmpty().WithMessage("Enter the ICD-10-CM code.");
        RuleFor(e => e.Code).Must(code => Icd10CmCode.TryParse(code, out _)).WithMessage("Enter an ICD-10-CM code like F32.1.")
            .When(e => !string.IsNullOrWhiteSpace(e.Code));
        RuleFor(e => e.Description).NotEmpty().WithMessage("Enter a description: this code is not in the common list.")
            .When(e => Icd10CmCode.TryParse(e.Code, out var code) && vocabulary.CommonDiagnoses.DescriptionOf(code!) is null);
        RuleFor(e => e.Description).MaximumLength(200).WithMessage("Keep the description under 200 characters.");
        RuleFor(e => e.OnsetOn).LessThanOrEqualTo(_ => clock.Today).WithMessage("The onset cannot be in the future.")
            .GreaterThanOrEqualTo(new DateOnly(1900, 1, 1)).WithMessage("Check the onset date.");
    });
}

/// <summary>Rules shared by forms that take diagnosis rows.</summary>
public static class DiagnosisForms
{
    /// <summary>A code listed twice in one form, if any.</summary>
    public static string? Repeated(IEnumerable<DiagnosisEntry> rows) => rows
        .Where(r => Icd10CmCode.TryParse(r.Code, out _))
        .GroupBy(r => r.ParsedCode.Value)
        .FirstOrDefault(g => g.Count() > 1)?.Key;

    /// <summary>A timeline line fits its column; the full detail is in the problem list.</summary>
    public static string Fitted(string summary) => summary.Length <= 500 ? summary : summary[..497] + "...";
}

/// <summary>
/// A member's problem list, loaded for change. Recording a diagnosis leaves an active one as it is, brings a resolved one
/// back, or adds it; the result is the change the rules see for an established member.
/// </summary>
public sealed class ProblemList
{
    private readonly CareDbContext _db;
    private readonly int _memberId;
    private readonly List<Condition> _conditions;

    private ProblemList(CareDbContext db, int memberId, List<Condition> conditions) => (_db, _memberId, _conditions) = (db, memberId, conditions);

    /// <summary>Active first, then by code.</summary>
    public IReadOnlyList<Condition> Conditions => _conditions;

    public static async Task<ProblemList> LoadAsync(CareDbContext db, int memberId, CancellationToken cancellationToken) =>
        new(db, memberId, await db.Conditions.Where(c => c.MemberId == memberId).OrderBy(c => c.Status).ThenBy(c => c.Code).ThenBy(c => c.Id).ToListAsync(cancellationToken));

    public bool HasActive(Icd10CmCode code) => _conditions.Any(c => c.Code == code && c.Status == ConditionStatus.Active);

    public DiagnosisChange Record(Icd10CmCode code, string description, DateOnly? onsetOn, int recordedById, DateTime recordedAt)
    {
        if (HasActive(code))
        {
            return DiagnosisChange.Unchanged;
        }

        if (_conditions.FirstOrDefault(c => c.Code == code) is { } resolved)
        {
            resolved.Reactivate();
            return DiagnosisChange.Reactivated;
        }

        var added = new Condition { MemberId = _memberId, Code = code, Description = description, OnsetOn = onsetOn, RecordedById = recordedById, RecordedAt = recordedAt };
        _conditions.Add(added);
        _db.Conditions.Add(added);
        return DiagnosisChange.New;
    }
}

/// <summary>
/// Whether a member is new to a practitioner: no care relationship with them that started before today, and no
/// coordination event recorded as theirs. It decides between the intake rules and the change-in-condition rules (T2).
/// </summary>
public sealed record PractitionerHistory(DateOnly? TreatingSince, DateOnly? FirstRecordedOn)
{
    public bool MemberIsNew => TreatingSince is null && FirstRecordedOn is null;

    public static async Task<PractitionerHistory> OfAsync(CareDbContext db, PlanClock clock, int memberId, int providerId, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var since = await db.CareRelationships.Where(r => r.MemberId == memberId && r.ProviderId == providerId && r.StartOn < today)
            .OrderBy(r => r.StartOn).Select(r => (DateOnly?)r.StartOn).FirstOrDefaultAsync(cancellationToken);
        var firstEvent = await db.CoordinationEvents.Where(e => e.MemberId == memberId && e.ProviderId == providerId)
            .OrderBy(e => e.OccurredAt).Select(e => (DateTime?)e.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        return new(since, firstEvent is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, clock.PlanZone)) : null);
    }
}
