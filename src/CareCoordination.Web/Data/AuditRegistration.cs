using CareCoordination.Web.Data.Resilience;

namespace CareCoordination.Web.Data;

public static class AuditRegistration
{
    /// <summary>Seals audit entries into the hash chain on both engines' contexts (a new interceptor per context).</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteCareDbContext>((sp, options) => options.AddInterceptors(new AuditChainInterceptor(sp.GetRequiredService<SqliteWriteGate>())));
        services.ConfigureDbContext<SqlServerCareDbContext>((sp, options) => options.AddInterceptors(new AuditChainInterceptor(sp.GetRequiredService<SqliteWriteGate>())));
        return services;
    }
}
