using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class PeriodSnapshotConfiguration : IEntityTypeConfiguration<PeriodSnapshot>
{
    public void Configure(EntityTypeBuilder<PeriodSnapshot> builder)
    {
        builder.ToTable("period_snapshots");
        builder.Property(s => s.Axis).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.AgainstOriginal).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.ReportState).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Percent).HasPrecision(5, 2);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(s => s.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PeriodId, s.WorkItemId }).IsUnique();
        builder.HasIndex(s => new { s.PeriodId, s.LeadUnitId });
    }
}
