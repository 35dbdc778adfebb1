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
        // MemberId is a copy of the event's, without a key of its own: the event's key already cascades to the flags.
        // The reports read these instead of events, each from one index with nothing to look up: flagged events by day
        // (each event once), by rule and day (exchange of information per rule; psychotropic starts), and either within
        // one PPG's members.
        builder.HasIndex(f => new { f.OccurredAt, f.Trigger, f.Priority, f.EventId, f.RecipientContactedAt, f.RecipientAcknowledgedAt });
        builder.HasIndex(f => new { f.Trigger, f.OccurredAt, f.Priority, f.EventId, f.RecipientContactedAt, f.RecipientAcknowledgedAt, f.CommunicatedAt },
            "IX_CoordinationFlags_Trigger_OccurredAt_Facts");
        builder.HasIndex(f => new { f.MemberId, f.OccurredAt });
    }
}
