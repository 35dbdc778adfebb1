using CareCoordination.Core.Audit;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin.Audit;

/// <summary>Walks the whole trail in order, checking each entry's hash and link, and says where the chain breaks.</summary>
public sealed class VerifyModel(CareDbContext db, AuditTrail audit) : PageModel
{
    private const int Batch = 5_000;

    public AuditChain Chain { get; } = new();

    public long Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            Total += batch.Count;
            if (batch.Count == 0 || !batch.All(Chain.Accept))
            {
                break;
            }

            after = batch[^1].Id;
        }

        await audit.RecordAsync(AuditAction.AuditTrailViewed, Chain.Break is null ? AuditOutcome.Success : AuditOutcome.Failure, cancellationToken: cancellationToken);
    }
}
