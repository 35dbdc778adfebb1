using CareCoordination.Core.Members;
using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(50);
        builder.Property(e => e.Approval).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ApprovalDecidedByUserId).HasMaxLength(450);
        builder.Property(e => e.Review).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ReviewedByUserId).HasMaxLength(450);
        builder.Property(e => e.ReviewNote).HasMaxLength(500);
        builder.HasOne<CareUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        // MemberAccess asks, on every member page, whether this user holds an unexpired grant for this member.
        builder.HasIndex(e => new { e.UserId, e.MemberId, e.ExpiresAt });
        builder.HasIndex(e => e.GrantedAt);
        // The privacy office's review queue, and each user's grants of the day for the daily allowance.
        builder.HasIndex(e => new { e.Review, e.RequestedAt });
        builder.HasIndex(e => new { e.UserId, e.RequestedAt });
    }
}
