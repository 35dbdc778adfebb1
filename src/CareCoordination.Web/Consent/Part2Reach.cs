using System.Security.Claims;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Consent;

/// <summary>
/// Loads what <see cref="Part2Sharing"/> needs (the recipient, the member's releases as they are now) so that every path
/// out asks the same pure rule: the inbox message, the member summary and event pages, CDS cards, reports and CSV files.
/// </summary>
public sealed class Part2Reach(CareDbContext db, PlanClock clock)
{
    /// <summary>
    /// Who a signed-in user is as a recipient: care managers (and anyone without a provider) are the plan; a PCP or BH
    /// clinician is their provider, with its PPG.
    /// </summary>
    public async Task<Part2Recipient> RecipientOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return MemberAccess.SeesWholePlan(user) || user.ProviderIdOf() is not { } providerId
            ? Part2Recipient.Plan
            : await ProviderAsync(providerId, cancellationToken);
    }

    /// <summary>A provider of the directory as a recipient, with its PPG.</summary>
    public async Task<Part2Recipient> ProviderAsync(int providerId, CancellationToken cancellationToken)
    {
        var ppgId = await db.Providers.AsNoTracking().Where(p => p.Id == providerId).Select(p => p.PpgId).SingleOrDefaultAsync(cancellationToken);
        return new Part2Recipient(providerId, ppgId);
    }

    public async Task<Part2Sharing> ForMemberAsync(int memberId, Part2Recipient recipient, CancellationToken cancellationToken)
    {
        var releases = await db.Releases.AsNoTracking().Where(r => r.MemberId == memberId).ToListAsync(cancellationToken);
        return Part2Sharing.For(recipient, releases, clock.Today);
    }

    /// <summary>
    /// For a list of rows about several members, seen by one user: how each row's details reach them, answered from one read
    /// of the releases of the members whose rows hold Part 2 information.
    /// </summary>
    public async Task<Func<int, bool, int?, Part2Share>> SharesForAsync(ClaimsPrincipal user, IEnumerable<(int MemberId, bool IsPart2Information)> rows,
        CancellationToken cancellationToken)
    {
        var members = rows.Where(r => r.IsPart2Information).Select(r => r.MemberId).Distinct().ToList();
        if (members.Count == 0)
        {
            return (_, _, _) => Part2Share.Unrestricted;
        }

        var sharing = await ForMembersAsync(members, await RecipientOfAsync(user, cancellationToken), cancellationToken);
        return (memberId, isPart2Information, authorProviderId) => !isPart2Information ? Part2Share.Unrestricted
            : sharing.TryGetValue(memberId, out var member) ? member.Of(true, authorProviderId) : Part2Share.Withheld;
    }

    /// <summary>For a page of a report: each listed member's sharing with the recipient, from one read of their releases.</summary>
    public async Task<IReadOnlyDictionary<int, Part2Sharing>> ForMembersAsync(IReadOnlyCollection<int> memberIds, Part2Recipient recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var releases = (await db.Releases.AsNoTracking().Where(r => memberIds.Contains(r.MemberId)).ToListAsync(cancellationToken)).ToLookup(r => r.MemberId);
        var today = clock.Today;
        return memberIds.Distinct().ToDictionary(id => id, id => Part2Sharing.For(recipient, releases[id], today));
    }
}
