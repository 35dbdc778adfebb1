using CareCoordination.Core.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class CoordinationFlagConfiguration : IEntityTypeConfiguration<CoordinationFlag>
{
    public void Configure(EntityTypeBuilder<CoordinationFlag> builder)
    {
        builder.Property(f => f.Trigger).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Reason).HasMaxLength(1000);
        builder.Property(f => f.ContactPath).HasConversion<string>().HasMaxLength(30);
    }
}
