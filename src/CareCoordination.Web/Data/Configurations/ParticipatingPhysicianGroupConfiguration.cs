using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class ParticipatingPhysicianGroupConfiguration : IEntityTypeConfiguration<ParticipatingPhysicianGroup>
{
    public void Configure(EntityTypeBuilder<ParticipatingPhysicianGroup> builder)
    {
        builder.ToTable("ParticipatingPhysicianGroups");
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.Phone).HasMaxLength(30);
        builder.Property(g => g.Fax).HasMaxLength(30);
    }
}
