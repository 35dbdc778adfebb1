using CareCoordination.Core.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class TaskActivityConfiguration : IEntityTypeConfiguration<TaskActivity>
{
    public void Configure(EntityTypeBuilder<TaskActivity> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.ContactMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ContactOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.HasOne<CoordinationTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TaskId, a.At });
    }
}
