using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareCoordination.Web.Infrastructure;

/// <summary>Ready means the database answers and has every migration this build expects.</summary>
public sealed class DatabaseReadyCheck(CareDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached, or has not been created.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database is reachable and up to date.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) have not been applied.");
        }
#pragma warning disable CA1031 // A readiness probe reports any failure as "not ready" rather than crashing.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"The database check failed ({exception.GetType().Name}).");
        }
    }
}
