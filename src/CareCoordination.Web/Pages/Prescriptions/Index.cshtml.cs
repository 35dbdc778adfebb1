using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Web.Consent;
using CareCoordination.Web.Data;
using CareCoordination.Web.Identity;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Prescriptions;

/// <summary>
/// A member's medications, open orders first, with the actions a prescriber takes on them. Clinicians without
/// prescriptive authority read the same list without the actions. Orders of a 42 CFR Part 2 program are listed only to a
/// clinician the member's Part 2 consent covers (and to the program itself).
/// </summary>
public sealed class IndexModel(CareDbContext db, MemberAccess access, AuditTrail audit, PlanClock clock, Part2Reach part2) : PageModel
{
    public int MemberId { get; private set; }

    public string MemberName { get; private set; } = "";

    public PrescriptiveAuthority Authority { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];

    /// <summary>Some orders are a Part 2 program's and not for this viewer.</summary>
    public bool OrdersWithheld { get; private set; }

    /// <summary>The 2.32 notices of a Part 2 program's orders listed under the member's consent.</summary>
    public IReadOnlyList<string> Part2Notices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken cancellationToken)
    {
        var member = await access.MembersVisibleTo(User).AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => m.GivenName + " " + m.FamilyName).SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Denied, memberId, cancellationToken: cancellationToken);
            return NotFound();
        }

        (MemberId, MemberName, Today) = (memberId, member, clock.Today);
        Authority = await PrescriptiveAuthority.OfAsync(db, User, cancellationToken);
        var rows = await db.MedicationOrders.AsNoTracking().Where(o => o.MemberId == memberId)
            .OrderBy(o => o.StopOn != null).ThenByDescending(o => o.StopOn).ThenBy(o => o.DrugName).ThenBy(o => o.Id)
            .Select(o => new
            {
                Order = o,
                Prescriber = db.Providers.Where(p => p.Id == o.PrescriberId).Select(p => p.GivenName + " " + p.FamilyName + ", " + p.Credentials).FirstOrDefault(),
                FromPart2Program = db.Providers.Any(p => p.Id == o.PrescriberId && p.IsPart2Program),
            })
            .ToListAsync(cancellationToken);
        var sharing = await part2.ForMemberAsync(memberId, await part2.RecipientOfAsync(User, cancellationToken), cancellationToken);
        var shown = rows.Where(r => sharing.Of(r.FromPart2Program, r.Order.PrescriberId).Shown).ToList();
        OrdersWithheld = shown.Count != rows.Count;
        Part2Notices = Part2Sharing.NoticesOf(shown.Select(r => sharing.Of(r.FromPart2Program, r.Order.PrescriberId)));
        Orders = [.. shown.Select(r => new OrderRow(r.Order, r.Prescriber ?? "unknown prescriber"))];

        await audit.RecordAsync(AuditAction.MemberRecordViewed, AuditOutcome.Success, memberId, cancellationToken: cancellationToken);
        return Page();
    }

    public sealed record OrderRow(MedicationOrder Order, string Prescriber)
    {
        public bool IsOpen => Order.StopOn is null;
    }
}
