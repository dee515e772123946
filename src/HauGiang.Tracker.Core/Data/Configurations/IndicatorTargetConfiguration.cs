using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("indicator_targets");
        builder.Property(t => t.Version).IsRowVersion();
        builder.Property(t => t.TargetText).HasMaxLength(TextLimits.Name);
        builder.HasIndex(t => new { t.IndicatorId, t.Year }).IsUnique();
    }
}
