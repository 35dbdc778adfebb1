using CareCoordination.Core.Coordination;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class CoordinationTaskConfiguration : IEntityTypeConfiguration<CoordinationTask>
{
    public void Configure(EntityTypeBuilder<CoordinationTask> builder)
    {
        builder.Property(t => t.Trigger).HasConversion<string>().HasMaxLength(40);
        // Priority stays numeric so that sorting by it puts urgent first.
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.AssigneeUserId).HasMaxLength(450);
        builder.Property(t => t.Outcome).HasMaxLength(1000);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Member).WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Event).WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CareUser>().WithMany().HasForeignKey(t => t.AssigneeUserId).OnDelete(DeleteBehavior.Restrict);

        // The queue: open work by due date, and a member's open tasks.
        builder.HasIndex(t => new { t.Status, t.DueOn, t.Id });
        builder.HasIndex(t => new { t.AssigneeUserId, t.Status });
        builder.HasIndex(t => new { t.MemberId, t.Status });
    }
}
