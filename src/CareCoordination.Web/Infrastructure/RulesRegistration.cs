using CareCoordination.Core.Rules;
using CareCoordination.Core.Vocabularies;

namespace CareCoordination.Web.Infrastructure;

public static class RulesRegistration
{
    /// <summary>
    /// The shipped vocabularies (read from the app's Vocabularies/Data folder) and the plan's rule settings (section
    /// <c>Rules</c>; defaults in <see cref="RuleSettings"/>), as one <see cref="CoordinationRules"/> for the app's lifetime.
    /// </summary>
    public static IServiceCollection AddCoordinationRules(this IServiceCollection services)
    {
        services.AddSingleton(_ => ClinicalVocabulary.Parse(file =>
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "Data", file))));
        services.AddSingleton(sp => new CoordinationRules(
            sp.GetRequiredService<ClinicalVocabulary>(),
            sp.GetRequiredService<IConfiguration>().GetSection("Rules").Get<RuleSettings>() ?? RuleSettings.Default));
        return services;
    }
}
