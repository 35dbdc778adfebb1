using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class CoordinationEventConfiguration : IEntityTypeConfiguration<CoordinationEvent>
{
    public void Configure(EntityTypeBuilder<CoordinationEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450);
        builder.Property(e => e.Summary).HasMaxLength(500);
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Flags).WithOne().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
        // The member timeline: newest first.
        builder.HasIndex(e => new { e.MemberId, e.OccurredAt, e.Id });
        // The monitoring report reads a date range of events of one kind (labs).
        builder.HasIndex(e => new { e.Kind, e.OccurredAt });
    }
}
