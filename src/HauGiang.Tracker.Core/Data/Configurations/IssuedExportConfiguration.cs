using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class IssuedExportConfiguration : IEntityTypeConfiguration<IssuedExport>
{
    public void Configure(EntityTypeBuilder<IssuedExport> builder)
    {
        builder.ToTable("issued_exports");
        builder.Property(e => e.Format).HasMaxLength(8);
        builder.Property(e => e.FileName).HasMaxLength(TextLimits.Line);
        builder.Property(e => e.ContentType).HasMaxLength(128);
        builder.Property(e => e.Subject).HasMaxLength(TextLimits.Paragraph);
        builder.Property(e => e.ScopeText).HasMaxLength(TextLimits.Paragraph);
        builder.Property(e => e.PeriodText).HasMaxLength(TextLimits.Line);
        builder.Property(e => e.ContentHash).HasMaxLength(64);
        builder.Property(e => e.Code).HasMaxLength(12);
        builder.Property(e => e.FileHash).HasMaxLength(64);
        builder.Property(e => e.IssuedBy).HasMaxLength(256);
        builder.HasOne<ActionProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(e => e.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ContentHash).IsUnique();
        builder.HasIndex(e => e.Code);
        builder.HasIndex(e => e.FileHash);
    }
}
