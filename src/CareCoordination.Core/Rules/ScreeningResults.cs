using CareCoordination.Core.Members;

namespace CareCoordination.Core.Rules;

/// <summary>Standard screening scores; each is optional, and each is checked against its instrument's range.</summary>
public sealed record ScreeningResults
{
    public ScreeningResults(int? phq9 = null, int? phq9Item9 = null, int? gad7 = null, int? auditC = null, int? dast10 = null)
    {
        Phq9 = InRange(phq9, 0, 27, nameof(phq9));
        Phq9Item9 = InRange(phq9Item9, 0, 3, nameof(phq9Item9));
        Gad7 = InRange(gad7, 0, 21, nameof(gad7));
        AuditC = InRange(auditC, 0, 12, nameof(auditC));
        Dast10 = InRange(dast10, 0, 10, nameof(dast10));
    }

    public static ScreeningResults None { get; } = new();

    public int? Phq9 { get; }

    /// <summary>PHQ-9 item 9, "thoughts that you would be better off dead or of hurting yourself": 0 (not at all) to 3.</summary>
    public int? Phq9Item9 { get; }

    public int? Gad7 { get; }

    public int? AuditC { get; }

    public int? Dast10 { get; }

    public bool Phq9Positive => Phq9 >= 10;

    public bool Gad7Positive => Gad7 >= 10;

    public bool Dast10Positive => Dast10 >= 3;

    public bool SuicideRiskItemPositive => Phq9Item9 > 0;

    /// <summary>AUDIT-C is positive at 4 for men and 3 for women; other or unknown sex uses the more sensitive 3.</summary>
    public bool AuditCPositive(AdministrativeSex sex) => AuditC >= AuditCThreshold(sex);

    public static int AuditCThreshold(AdministrativeSex sex) => sex == AdministrativeSex.Male ? 4 : 3;

    private static int? InRange(int? score, int min, int max, string name) =>
        score is null || (score >= min && score <= max)
            ? score
            : throw new ArgumentOutOfRangeException(name, score, $"{name} must be between {min} and {max}.");
}
