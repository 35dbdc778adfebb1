using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class SubmissionTokenConfiguration : IEntityTypeConfiguration<SubmissionToken>
{
    public void Configure(EntityTypeBuilder<SubmissionToken> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.ResultUrl).HasMaxLength(300);
        builder.HasIndex(t => t.UsedAt);
    }
}
