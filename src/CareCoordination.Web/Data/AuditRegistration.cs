namespace CareCoordination.Web.Data;

public static class AuditRegistration
{
    /// <summary>Seals audit entries into the hash chain on both engines' contexts (a new interceptor per context).</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteCareDbContext>((_, options) => options.AddInterceptors(new AuditChainInterceptor()));
        services.ConfigureDbContext<SqlServerCareDbContext>((_, options) => options.AddInterceptors(new AuditChainInterceptor()));
        return services;
    }
}
