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
        builder.HasOne<CareUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        // MemberAccess asks, on every member page, whether this user holds an unexpired grant for this member.
        builder.HasIndex(e => new { e.UserId, e.MemberId, e.ExpiresAt });
        builder.HasIndex(e => e.GrantedAt);
    }
}
