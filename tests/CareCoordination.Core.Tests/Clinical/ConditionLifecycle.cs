using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Tests.Clinical;

public class ConditionLifecycle
{
    [Fact]
    public void A_resolved_diagnosis_can_become_active_again()
    {
        var condition = new Condition { Code = Icd10CmCode.Parse("F32.1"), Description = "Major depressive disorder, single episode, moderate" };
        Assert.Equal(ConditionStatus.Active, condition.Status);

        condition.Resolve(new DateOnly(2026, 5, 1));
        Assert.Equal(ConditionStatus.Resolved, condition.Status);
        Assert.Equal(new DateOnly(2026, 5, 1), condition.ResolvedOn);

        condition.Reactivate();
        Assert.Equal(ConditionStatus.Active, condition.Status);
        Assert.Null(condition.ResolvedOn);
    }
}
