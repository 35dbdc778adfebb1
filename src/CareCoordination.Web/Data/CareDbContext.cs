using CareCoordination.Core.Audit;
using CareCoordination.Core.Clinical;
using CareCoordination.Core.Consent;
using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using CareCoordination.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareCoordination.Web.Data;

/// <summary>
/// The one model of the care data. Each database engine has a derived context of its own so that each keeps
/// its own migrations (see docs/decisions/0001-a-context-per-database-provider.md).
/// </summary>
public abstract class CareDbContext(DbContextOptions options) : IdentityDbContext<CareUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every node on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UsedAuthenticatorCode> UsedAuthenticatorCodes => Set<UsedAuthenticatorCode>();

    public DbSet<ParticipatingPhysicianGroup> Ppgs => Set<ParticipatingPhysicianGroup>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<CareRelationship> CareRelationships => Set<CareRelationship>();

    public DbSet<Condition> Conditions => Set<Condition>();

    public DbSet<MedicationOrder> MedicationOrders => Set<MedicationOrder>();

    public DbSet<Release> Releases => Set<Release>();

    public DbSet<ReleaseDocument> ReleaseDocuments => Set<ReleaseDocument>();

    public DbSet<CoordinationEvent> CoordinationEvents => Set<CoordinationEvent>();

    public DbSet<CoordinationFlag> CoordinationFlags => Set<CoordinationFlag>();

    public DbSet<CoordinationTask> CoordinationTasks => Set<CoordinationTask>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<TaskActivity> TaskActivities => Set<TaskActivity>();

    public DbSet<ProtectedNote> ProtectedNotes => Set<ProtectedNote>();

    public DbSet<Disclosure> Disclosures => Set<Disclosure>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    public DbSet<SubmissionToken> SubmissionTokens => Set<SubmissionToken>();

    public DbSet<PlanRuleSettings> PlanRuleSettings => Set<PlanRuleSettings>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC; SQLite hands them back unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
