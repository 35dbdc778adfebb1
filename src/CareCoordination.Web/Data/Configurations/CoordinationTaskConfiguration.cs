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

        // The queue's two orders, each a unique key for paging: over open work (partial, so closed history is never read
        // on the way to it; an open status chosen as a filter walks these too) and within one closed status.
        builder.HasIndex(t => new { t.DueOn, t.Priority, t.Id }, "IX_CoordinationTasks_Open_DueOn_Priority_Id").HasFilter(OpenTasks.IndexFilter);
        builder.HasIndex(t => new { t.Priority, t.DueOn, t.Id }, "IX_CoordinationTasks_Open_Priority_DueOn_Id").HasFilter(OpenTasks.IndexFilter);
        // A rule picked as a filter can be rare (a few hundred of 50,000 open tasks): seek to it rather than scan for it.
        builder.HasIndex(t => new { t.Trigger, t.DueOn, t.Priority, t.Id }, "IX_CoordinationTasks_Open_Trigger_DueOn_Priority_Id").HasFilter(OpenTasks.IndexFilter);
        // The same index, carrying CreatedAt and Status, also serves the dashboard's open work by rule and priority and by
        // age from the index alone; without Status, SQLite reads each open status's rows from the table instead.
        builder.HasIndex(t => new { t.Trigger, t.Priority, t.DueOn, t.Id, t.CreatedAt, t.Status }, "IX_CoordinationTasks_Open_Trigger_Priority_DueOn_Id_CreatedAt_Status")
            .HasFilter(OpenTasks.IndexFilter);
        builder.HasIndex(t => new { t.Status, t.DueOn, t.Priority, t.Id }, "IX_CoordinationTasks_Closed_Status_DueOn_Priority_Id").HasFilter(ClosedTasks.IndexFilter);
        builder.HasIndex(t => new { t.Status, t.Priority, t.DueOn, t.Id }, "IX_CoordinationTasks_Closed_Status_Priority_DueOn_Id").HasFilter(ClosedTasks.IndexFilter);
        // Open work by who holds it (nobody included), in either order: "unassigned" and "assigned to me" never sort.
        builder.HasIndex(t => new { t.AssigneeUserId, t.DueOn, t.Priority, t.Id }, "IX_CoordinationTasks_Open_AssigneeUserId_DueOn_Priority_Id").HasFilter(OpenTasks.IndexFilter);
        builder.HasIndex(t => new { t.AssigneeUserId, t.Priority, t.DueOn, t.Id }, "IX_CoordinationTasks_Open_AssigneeUserId_Priority_DueOn_Id").HasFilter(OpenTasks.IndexFilter);
        // A member's open tasks.
        builder.HasIndex(t => new { t.MemberId, t.Status });
        // The dashboard's weeks, durations and SLA read the tasks created, or closed, in a date range: from the index alone.
        builder.HasIndex(t => new { t.CreatedAt, t.Status, t.DueOn, t.ClosedAt, t.FirstContactAt, t.Trigger, t.Priority });
        builder.HasIndex(t => new { t.ClosedAt, t.Trigger, t.Priority });
    }
}
