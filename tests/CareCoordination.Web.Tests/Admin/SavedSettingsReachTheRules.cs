using System.Net;
using CareCoordination.Core.Providers;
using CareCoordination.Core.Rules;
using CareCoordination.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Web.Tests.Admin;

/// <summary>The rules are resolved per request from the saved settings, so what an administrator saves applies at once.</summary>
public class SavedSettingsReachTheRules(CareAppFactory app) : IClassFixture<CareAppFactory>
{
    /// <summary>Sertraline 100 mg → 125 mg a day: +25%, under the default 50% threshold.</summary>
    private static readonly MedicationChanged QuarterMoreSertraline = new(
        ProviderKind.BehavioralHealthPractitioner,
        [new MedicationFact("sertraline 100 MG Oral Tablet", null, null, 100m, "mg")],
        new MedicationFact("sertraline 125 MG Oral Tablet", null, null, 125m, "mg"),
        new MedicationFact("sertraline 100 MG Oral Tablet", null, null, 100m, "mg"));

    private IReadOnlyList<string> RulesFiredInANewRequest()
    {
        using var scope = app.Services.CreateScope();
        var rules = scope.ServiceProvider.GetRequiredService<CoordinationRules>();
        return [.. rules.Evaluate(QuarterMoreSertraline, scope.ServiceProvider.GetRequiredService<PlanClock>().Today).Select(o => o.RuleId)];
    }

    [Fact]
    public async Task A_25_percent_threshold_saved_by_an_administrator_makes_a_25_percent_dose_change_significant()
    {
        Assert.DoesNotContain("T1", RulesFiredInANewRequest());
        var client = await app.SignedInAs(Browsing.Admin);

        var response = await client.SubmitFormAsync("/Admin/Settings", new()
        {
            ["Input.UrgentBusinessDays"] = "0",
            ["Input.HighBusinessDays"] = "2",
            ["Input.RoutineBusinessDays"] = "5",
            ["Input.DailyDoseChangePercent"] = "25",
            ["Input.AnyDoseChangeIngredients"] = "lithium, clozapine",
            ["Input.NicotineCountsAsSubstanceUse"] = "false",
            ["Input.Holidays"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["T1"], RulesFiredInANewRequest());
    }
}
