using CareCoordination.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Identity;

/// <summary>An authenticator code someone signed in with, kept while Identity would still accept it.</summary>
public sealed class UsedAuthenticatorCode
{
    public required string UserId { get; init; }

    public required string Code { get; init; }

    /// <summary>UTC.</summary>
    public DateTime UsedAt { get; init; }
}

/// <summary>
/// The authenticator codes accepted in the last few minutes, per user, so none is accepted twice. Identity accepts a
/// code for two 30-second steps either side of now, so five minutes outlasts any code. Kept in the database, so a code
/// used on one node is refused on every other.
/// </summary>
public sealed class UsedAuthenticatorCodes(CareDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(5);

    /// <summary>True the first time a user's code is used; false when it was already used within the last five minutes.</summary>
    public async Task<bool> TryUseAsync(string userId, string code)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - RememberedFor;
        await db.UsedAuthenticatorCodes.Where(c => c.UserId == userId && c.UsedAt < expired).ExecuteDeleteAsync();
        var used = db.UsedAuthenticatorCodes.Add(new UsedAuthenticatorCode { UserId = userId, Code = code.Trim(), UsedAt = now });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // The key is taken: this code was used already, here or on another node.
            used.State = EntityState.Detached;
            return false;
        }
    }
}
