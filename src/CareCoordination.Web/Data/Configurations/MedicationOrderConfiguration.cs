using CareCoordination.Core.Clinical;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class MedicationOrderConfiguration : IEntityTypeConfiguration<MedicationOrder>
{
    public void Configure(EntityTypeBuilder<MedicationOrder> builder)
    {
        builder.Property(o => o.DrugName).HasMaxLength(200);
        builder.Property(o => o.AtcCode).HasMaxLength(7);
        builder.Property(o => o.RxNormCode).HasMaxLength(12);
        builder.Property(o => o.Dose).HasPrecision(12, 4);
        builder.Property(o => o.DoseUnit).HasMaxLength(20);
        builder.Property(o => o.Frequency).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.StopReason).HasMaxLength(500);
        builder.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(o => o.PrescriberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.MemberId, o.StopOn });
    }
}
