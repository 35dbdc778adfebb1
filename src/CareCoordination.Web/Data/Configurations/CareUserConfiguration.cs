using CareCoordination.Core.Providers;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class CareUserConfiguration : IEntityTypeConfiguration<CareUser>
{
    public void Configure(EntityTypeBuilder<CareUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.HasOne<Provider>().WithMany().HasForeignKey(u => u.ProviderId).OnDelete(DeleteBehavior.Restrict);
        // One sign-in per directory entry.
        builder.HasIndex(u => u.ProviderId).IsUnique();
    }
}
