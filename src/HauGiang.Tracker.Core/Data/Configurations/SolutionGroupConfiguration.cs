using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class SolutionGroupConfiguration : IEntityTypeConfiguration<SolutionGroup>
{
    public void Configure(EntityTypeBuilder<SolutionGroup> builder)
    {
        builder.ToTable("solution_groups");
        builder.Property(g => g.Version).IsRowVersion();
        builder.Property(g => g.Heading).HasMaxLength(TextLimits.Code);
        builder.Property(g => g.Title).HasMaxLength(TextLimits.Paragraph);
        builder.Property(g => g.Text).HasMaxLength(TextLimits.Long);
        builder.Property(g => g.Source).HasMaxLength(TextLimits.Paragraph);
        builder.HasIndex(g => new { g.ProgramId, g.Ordinal }).IsUnique();
    }
}
