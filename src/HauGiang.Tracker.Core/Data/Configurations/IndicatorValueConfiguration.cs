using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.Property(v => v.Version).IsRowVersion();
        builder.Property(v => v.SourceNote).HasMaxLength(TextLimits.Paragraph);
        builder.Property(v => v.RecordedBy).HasMaxLength(TextLimits.Name);
        builder.HasOne(v => v.Period).WithMany().HasForeignKey(v => v.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.IndicatorId, v.PeriodId }).IsUnique();
    }
}
