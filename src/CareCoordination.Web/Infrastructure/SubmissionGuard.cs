using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Infrastructure;

/// <summary>
/// Makes a form submission happen once. Each form carries a fresh submission id; the first valid post claims it and
/// records where it led, and any repeat (a double click, a resubmitted page) is sent there instead of saving again.
/// Claim only after validation passes, so a corrected resubmission of the same form still goes through.
/// </summary>
public sealed class SubmissionGuard(CareDbContext db, PlanClock clock, IHttpContextAccessor http)
{
    public const string FieldName = "SubmissionId";

    /// <summary>Null when this submission is new (it is now claimed); otherwise the page the first submission led to.</summary>
    public async Task<string?> ClaimAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        if (submissionId == Guid.Empty)
        {
            throw new InvalidOperationException("The form is missing its submission id.");
        }

        var earlier = await db.SubmissionTokens.AsNoTracking().Where(t => t.Id == submissionId).Select(t => t.ResultUrl).ToListAsync(cancellationToken);
        if (earlier.Count > 0)
        {
            return earlier[0] ?? "/";
        }

        db.SubmissionTokens.Add(new SubmissionToken { Id = submissionId, UserId = http.HttpContext!.User.UserId(), UsedAt = clock.UtcNow });
        return null;
    }

    /// <summary>Records where a claimed submission led, in the request's transaction, and returns it for the redirect.</summary>
    public async Task<string> CompleteAsync(Guid submissionId, string resultUrl, CancellationToken cancellationToken)
    {
        var token = db.SubmissionTokens.Local.Single(t => t.Id == submissionId);
        token.ResultUrl = resultUrl;
        await db.SaveChangesAsync(cancellationToken);
        return resultUrl;
    }
}
