using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.Property(i => i.Version).IsRowVersion();
        builder.Property(i => i.Code).HasMaxLength(TextLimits.Code);
        builder.Property(i => i.Measure).HasMaxLength(TextLimits.Code * 2);
        builder.Property(i => i.Description).HasMaxLength(TextLimits.Paragraph);
        builder.HasIndex(i => new { i.ProgramId, i.Code }).IsUnique();
        builder.HasOne<ActionProgram>().WithMany().HasForeignKey(i => i.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.ResponsibleUnit).WithMany().HasForeignKey(i => i.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SolutionGroup>().WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StrategicBreakthrough>().WithMany().HasForeignKey(i => i.BreakthroughId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId);
        builder.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId);
    }
}
