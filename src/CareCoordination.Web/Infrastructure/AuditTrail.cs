using System.Security.Claims;
using CareCoordination.Core.Audit;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Data.Resilience;

namespace CareCoordination.Web.Infrastructure;

/// <summary>Writes one audit entry per audited action: identifiers and outcome only, never PHI.</summary>
public sealed class AuditTrail(CareDbContext db, PlanClock clock, IHttpContextAccessor http, SqliteWriteGate writeGate)
{
    /// <summary>Adds the entry to the request's unit of work, so it is saved with the change it describes, or not at all.</summary>
    public void Add(AuditAction action, AuditOutcome outcome, int? memberId = null, string? userId = null, ProtectedContent? content = null)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.UtcNow,
            UserId = userId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Action = action,
            MemberId = memberId,
            Outcome = outcome,
            Content = content,
            CorrelationId = context?.TraceIdentifier ?? "background",
        });
    }

    /// <summary>
    /// Adds and saves at once: for reads and refusals, which have no other change to ride with. Outside a transaction the
    /// save is a write of its own, so it takes this node's turn at writing first (inside one, the transaction's holder has).
    /// </summary>
    public async Task RecordAsync(AuditAction action, AuditOutcome outcome, int? memberId = null, string? userId = null,
        ProtectedContent? content = null, CancellationToken cancellationToken = default)
    {
        Add(action, outcome, memberId, userId, content);
        using var turn = db.Database.CurrentTransaction is null ? await writeGate.EnterAsync(db, http.HttpContext, cancellationToken) : default;
        await db.SaveChangesAsync(cancellationToken);
    }
}
