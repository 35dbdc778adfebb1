using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;
using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Infrastructure;

public static class RulesRegistration
{
    /// <summary>
    /// The shipped vocabularies (read once from the app's Vocabularies/Data folder) and, per request, the rules with the
    /// plan's settings: those an administrator saved, else configuration (section <c>Rules</c>), else the documented defaults.
    /// </summary>
    public static IServiceCollection AddCoordinationRules(this IServiceCollection services)
    {
        services.AddSingleton(_ => ClinicalVocabulary.Parse(file =>
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "Data", file))));
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Rules").Get<RuleSettings>() ?? RuleSettings.Default);
        services.AddScoped(sp => new CoordinationRules(
            sp.GetRequiredService<ClinicalVocabulary>(),
            sp.GetRequiredService<CareDbContext>().PlanRuleSettings.AsNoTracking().SingleOrDefault()?.ToRuleSettings()
                ?? sp.GetRequiredService<RuleSettings>()));
        return services;
    }
}
