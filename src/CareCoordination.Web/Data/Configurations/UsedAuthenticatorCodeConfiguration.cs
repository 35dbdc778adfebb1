using CareCoordination.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class UsedAuthenticatorCodeConfiguration : IEntityTypeConfiguration<UsedAuthenticatorCode>
{
    public void Configure(EntityTypeBuilder<UsedAuthenticatorCode> builder)
    {
        // The key is what makes a code single-use: a second node inserting the same one fails.
        builder.HasKey(c => new { c.UserId, c.Code });
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.HasIndex(c => c.UsedAt);
    }
}
