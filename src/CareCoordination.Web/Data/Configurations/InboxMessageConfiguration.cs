using CareCoordination.Core.Coordination;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.Property(m => m.SentByUserId).HasMaxLength(450);
        builder.Property(m => m.AcknowledgedByUserId).HasMaxLength(450);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(m => m.RecipientProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Event).WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Restrict);
        // A PCP's inbox: unacknowledged first, newest first.
        builder.HasIndex(m => new { m.RecipientProviderId, m.AcknowledgedAt, m.SentAt });
        builder.HasIndex(m => m.EventId);
        // The dashboard's acknowledgment rate and times read the messages sent in a date range.
        builder.HasIndex(m => new { m.SentAt, m.AcknowledgedAt, m.EventId, m.MemberId });
    }
}
