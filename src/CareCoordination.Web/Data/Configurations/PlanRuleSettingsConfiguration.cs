using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareCoordination.Web.Data.Configurations;

public sealed class PlanRuleSettingsConfiguration : IEntityTypeConfiguration<PlanRuleSettings>
{
    public void Configure(EntityTypeBuilder<PlanRuleSettings> builder)
    {
        builder.ToTable(table => table.HasCheckConstraint("CK_PlanRuleSettings_Singleton", "Id = 1"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.DailyDoseChangeThreshold).HasPrecision(5, 4);
        builder.Property(s => s.AnyDoseChangeIngredients).HasMaxLength(500);
        builder.Property(s => s.Holidays).HasMaxLength(2000);
        builder.Property(s => s.UpdatedByUserId).HasMaxLength(450);
    }
}
