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

    /// <summary>
    /// Where an earlier post of this form led, or null: only a look. Forms whose checks depend on what the first post
    /// changed (a duplicate name, an order already stopped) ask this before validating, so a repeat goes where the first went.
    /// </summary>
    public async Task<string?> EarlierResultAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var earlier = await db.SubmissionTokens.AsNoTracking().Where(t => t.Id == submissionId)
            .Select(t => new { t.UserId, t.ResultUrl }).ToListAsync(cancellationToken);
        if (earlier.Count == 0)
        {
            return null;
        }

        // An id first used by someone else can only be a tampered form: it saves nothing and shows nothing of theirs.
        return earlier[0].UserId == http.HttpContext!.User.UserId() ? earlier[0].ResultUrl ?? "/" : "/";
    }

    /// <summary>
    /// Null when this submission is new (it is now claimed); otherwise the page the first submission led to. Claiming
    /// saves, so claim after every check that could still refuse the form; anything staged before is saved with the claim.
    /// </summary>
    public async Task<string?> ClaimAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        // Every form the app renders carries one: a post without it was not sent by the page, or was tampered with.
        // Claims come after the access checks, so a refusal (403/404) is still answered as such.
        if (submissionId == Guid.Empty)
        {
            throw new BadHttpRequestException("The form is missing its submission id.");
        }

        if (await EarlierResultAsync(submissionId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var token = db.SubmissionTokens.Add(new SubmissionToken { Id = submissionId, UserId = http.HttpContext!.User.UserId(), UsedAt = clock.UtcNow });
        try
        {
            // Saved now, inside the request's transaction: a simultaneous twin waits on this row's key, then fails here.
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            token.State = EntityState.Detached;
            return await EarlierResultAsync(submissionId, cancellationToken) ?? throw new InvalidOperationException("The submission could not be claimed.");
        }
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
