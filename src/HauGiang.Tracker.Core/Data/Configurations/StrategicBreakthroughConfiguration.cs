using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class StrategicBreakthroughConfiguration : IEntityTypeConfiguration<StrategicBreakthrough>
{
    public void Configure(EntityTypeBuilder<StrategicBreakthrough> builder)
    {
        builder.ToTable("breakthroughs");
        builder.Property(b => b.Version).IsRowVersion();
        builder.Property(b => b.Description).HasMaxLength(TextLimits.Paragraph);
        builder.HasIndex(b => new { b.ProgramId, b.Ordinal }).IsUnique();
    }
}
