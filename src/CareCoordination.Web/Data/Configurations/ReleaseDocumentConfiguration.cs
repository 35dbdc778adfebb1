using CareCoordination.Core.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class ReleaseDocumentConfiguration : IEntityTypeConfiguration<ReleaseDocument>
{
    public void Configure(EntityTypeBuilder<ReleaseDocument> builder)
    {
        builder.Property(d => d.ContentType).HasMaxLength(50);
        builder.Property(d => d.Content).HasMaxLength((int)SignedDocumentFormat.MaxBytes);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne<Release>().WithMany().HasForeignKey(d => d.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ReleaseId).IsUnique();
    }
}
