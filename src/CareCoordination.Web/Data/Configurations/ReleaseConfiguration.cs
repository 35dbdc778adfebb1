using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint(
            "CK_Releases_ExactlyOneRecipient",
            "(RecipientProviderId IS NOT NULL AND RecipientPpgId IS NULL) OR (RecipientProviderId IS NULL AND RecipientPpgId IS NOT NULL)"));
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.InformationDescription).HasMaxLength(1000);
        builder.Property(r => r.AuthorizedDiscloser).HasMaxLength(300);
        builder.Property(r => r.Purpose).HasMaxLength(500);
        builder.Property(r => r.ExpirationEvent).HasMaxLength(300);
        builder.Property(r => r.SignedBy).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.SignerName).HasMaxLength(200);
        builder.Property(r => r.RepresentativeAuthority).HasMaxLength(300);
        builder.Property(r => r.RevocationNote).HasMaxLength(500);
        builder.Property(r => r.RecordedByUserId).HasMaxLength(450);
        builder.Property(r => r.Verification).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.VerifiedByUserId).HasMaxLength(450);
        builder.Property(r => r.VerificationRefusal).HasMaxLength(500);
        builder.Property(r => r.RevokedByUserId).HasMaxLength(450);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(r => r.RecipientProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ParticipatingPhysicianGroup>().WithMany().HasForeignKey(r => r.RecipientPpgId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MemberId, r.Kind });
        // The privacy office's queue: releases awaiting verification, oldest first.
        builder.HasIndex(r => new { r.Verification, r.RecordedAt });
    }
}
