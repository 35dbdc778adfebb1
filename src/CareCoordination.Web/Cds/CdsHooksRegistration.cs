using CareCoordination.Core.Vocabularies;
using Microsoft.Extensions.Options;

namespace CareCoordination.Web.Cds;

public static class CdsHooksRegistration
{
    /// <summary>
    /// The CDS Hooks services: settings from section <c>Cds</c>, the BH vocabularies (read from the app's
    /// Vocabularies/Data folder, like the rules' own), the trusted clients' keys, and one service per hook.
    /// </summary>
    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddOptions<CdsOptions>().BindConfiguration(CdsOptions.Section);
        services.AddSingleton(sp => new TrustedCdsClients(sp.GetRequiredService<IOptions<CdsOptions>>().Value.Clients));
        services.AddSingleton(_ => BhProviderTaxonomy.Parse(ReadVocabulary(BhProviderTaxonomy.FileName)));
        services.AddSingleton(_ => BhReferralCodes.Parse(ReadVocabulary(BhReferralCodes.FileName)));
        services.AddSingleton<JtiReplayCache>();
        services.AddSingleton<CdsClientAuthenticator>();
        services.AddSingleton<RuleCards>();
        services.AddScoped<ClinicianKinds>();
        services.AddScoped<BhReferrals>();
        services.AddScoped<OrderSignService>();
        services.AddScoped<PatientViewService>();
        services.AddScoped<ConditionRecordService>();
        return services;
    }

    /// <summary>Builds what is read from files and configuration, so that a problem shows at start-up.</summary>
    public static void LoadEagerly(IServiceProvider services)
    {
        services.GetRequiredService<TrustedCdsClients>();
        services.GetRequiredService<BhProviderTaxonomy>();
        services.GetRequiredService<BhReferralCodes>();
    }

    private static string ReadVocabulary(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vocabularies", "Data", file));
}
