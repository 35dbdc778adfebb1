using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.Property(p => p.Npi).HasConversion(npi => npi.Value, text => Npi.Parse(text)).HasMaxLength(10);
        builder.HasIndex(p => p.Npi).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.Credentials).HasMaxLength(40);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Discipline).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Fax).HasMaxLength(30);
        builder.Property(p => p.SecureEmail).HasMaxLength(254);
        builder.HasOne(p => p.Ppg).WithMany().HasForeignKey(p => p.PpgId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.FamilyName, p.GivenName });
    }
}
