using CareCoordination.Core.Consent;
using CareCoordination.Core.Members;
using CareCoordination.Core.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class ProtectedNoteConfiguration : IEntityTypeConfiguration<ProtectedNote>
{
    public void Configure(EntityTypeBuilder<ProtectedNote> builder)
    {
        builder.Property(n => n.Content).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Text).HasMaxLength(8000);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(n => n.AuthorProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.MemberId, n.Content, n.WrittenOn });
    }
}
