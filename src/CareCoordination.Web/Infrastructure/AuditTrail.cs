using System.Security.Claims;
using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;

namespace CareCoordination.Web.Infrastructure;

/// <summary>Writes one audit entry per audited action: identifiers and outcome only, never PHI.</summary>
public sealed class AuditTrail(CareDbContext db, PlanClock clock, IHttpContextAccessor http)
{
    public async Task RecordAsync(AuditAction action, AuditOutcome outcome, int? memberId = null, string? userId = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.UtcNow,
            UserId = userId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Action = action,
            MemberId = memberId,
            Outcome = outcome,
            CorrelationId = context?.TraceIdentifier ?? "background",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
