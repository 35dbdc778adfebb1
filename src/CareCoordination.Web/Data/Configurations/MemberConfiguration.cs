using CareCoordination.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.PlanMemberId).HasMaxLength(20);
        builder.HasIndex(m => m.PlanMemberId).IsUnique();
        builder.Property(m => m.GivenName).HasMaxLength(100);
        builder.Property(m => m.FamilyName).HasMaxLength(100);
        builder.Property(m => m.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Phone).HasMaxLength(30);
        builder.HasOne(m => m.Ppg).WithMany().HasForeignKey(m => m.PpgId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Pcp).WithMany().HasForeignKey(m => m.PcpId).OnDelete(DeleteBehavior.Restrict);

        // Member search: by name prefix, by date of birth; PCP panels by PcpId.
        builder.HasIndex(m => new { m.FamilyName, m.GivenName, m.Id });
        builder.HasIndex(m => m.DateOfBirth);
        builder.HasIndex(m => m.PcpId);
    }
}
