using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> builder)
    {
        builder.ToTable("amendments");
        builder.Property(a => a.Version).IsRowVersion();
        builder.Property(a => a.DecisionNumber).HasMaxLength(TextLimits.Code * 2);
        builder.Property(a => a.Summary).HasMaxLength(TextLimits.Paragraph);
        builder.HasIndex(a => new { a.ProgramId, a.DecisionNumber }).IsUnique();
        builder.HasMany(a => a.Changes).WithOne(c => c.Amendment).HasForeignKey(c => c.AmendmentId);
    }
}
