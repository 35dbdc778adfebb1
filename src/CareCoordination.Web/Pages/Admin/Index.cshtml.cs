using CareCoordination.Core.Providers;
using CareCoordination.Web.Data;
using CareCoordination.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Pages.Admin;

/// <summary>The administrator's overview: how big the directory is, and the way to each thing they manage.</summary>
public sealed class IndexModel(CareDbContext db, PlanClock clock) : PageModel
{
    public int Groups { get; private set; }

    public int Pcps { get; private set; }

    public int BhPractitioners { get; private set; }

    public int OtherProviders { get; private set; }

    public int Accounts { get; private set; }

    public int LockedAccounts { get; private set; }

    public int CurrentRelationships { get; private set; }

    public bool SettingsSaved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var now = clock.UtcNow;
        Groups = await db.Ppgs.CountAsync(cancellationToken);
        var kinds = await db.Providers.GroupBy(p => p.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Pcps = kinds.Where(k => k.Kind == ProviderKind.PrimaryCarePhysician).Sum(k => k.Count);
        BhPractitioners = kinds.Where(k => k.Kind == ProviderKind.BehavioralHealthPractitioner).Sum(k => k.Count);
        OtherProviders = kinds.Where(k => k.Kind == ProviderKind.OtherMedicalProvider).Sum(k => k.Count);
        // SQLite cannot compare DateTimeOffset values, so lockouts are counted here; a plan has hundreds of accounts at most.
        var lockouts = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd!.Value).ToListAsync(cancellationToken);
        Accounts = await db.Users.CountAsync(cancellationToken);
        LockedAccounts = lockouts.Count(end => end.UtcDateTime > now);
        CurrentRelationships = await db.CareRelationships.CountAsync(r => r.EndOn == null || r.EndOn >= today, cancellationToken);
        SettingsSaved = await db.PlanRuleSettings.AnyAsync(cancellationToken);
    }
}
