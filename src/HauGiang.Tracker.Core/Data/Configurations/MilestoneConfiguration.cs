using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("milestones");
        builder.Property(m => m.Version).IsRowVersion();
        builder.Property(m => m.Note).HasMaxLength(TextLimits.Paragraph);
        builder.HasIndex(m => new { m.WorkItemId, m.Ordinal });
        builder.HasIndex(m => m.DueDate);
    }
}
