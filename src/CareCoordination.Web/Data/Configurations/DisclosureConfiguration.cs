using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class DisclosureConfiguration : IEntityTypeConfiguration<Disclosure>
{
    public void Configure(EntityTypeBuilder<Disclosure> builder)
    {
        builder.Property(d => d.Content).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.DisclosedByUserId).HasMaxLength(450);
        builder.Property(d => d.Purpose).HasMaxLength(500);
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Provider>().WithMany().HasForeignKey(d => d.RecipientProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Release>().WithMany().HasForeignKey(d => d.ReleaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EmergencyAccess>().WithMany().HasForeignKey(d => d.EmergencyAccessId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.EmergencyNature).HasMaxLength(500);
        builder.ToTable(table => table.HasCheckConstraint(
            "CK_Disclosures_UnderConsentOrEmergency", "(ReleaseId IS NOT NULL AND EmergencyAccessId IS NULL) OR (ReleaseId IS NULL AND EmergencyAccessId IS NOT NULL)"));
        // Accounting of disclosures: a member's, by date.
        builder.HasIndex(d => new { d.MemberId, d.DisclosedAt });
    }
}
