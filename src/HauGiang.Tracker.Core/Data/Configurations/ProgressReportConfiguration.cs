using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("progress_reports", t =>
        {
            t.HasCheckConstraint("ck_progress_reports_percent", "percent BETWEEN 0 AND 100");
        });
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Results).HasMaxLength(TextLimits.Long);
        builder.Property(r => r.Obstacles).HasMaxLength(TextLimits.Long);
        builder.Property(r => r.Proposals).HasMaxLength(TextLimits.Long);
        builder.Property(r => r.NextSteps).HasMaxLength(TextLimits.Long);
        builder.Property(r => r.ReviewNote).HasMaxLength(TextLimits.Paragraph);
        builder.Property(r => r.CreatedBy).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.SubmittedBy).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.ReviewedBy).HasMaxLength(TextLimits.Name);

        builder.HasOne(r => r.WorkItem).WithMany().HasForeignKey(r => r.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Period).WithMany().HasForeignKey(r => r.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ReportingUnit).WithMany().HasForeignKey(r => r.ReportingUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.CorrectsReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(r => r.SupersededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId);
        builder.HasMany(r => r.ReviewEvents).WithOne().HasForeignKey(e => e.ReportId);

        // One original report per item, period and unit; each report corrected at most once, so the
        // corrections of a period form a single chain back to its original.
        builder.HasIndex(r => new { r.WorkItemId, r.PeriodId, r.ReportingUnitId }).IsUnique()
            .HasFilter("corrects_report_id IS NULL").HasDatabaseName("ix_progress_reports_original");
        builder.HasIndex(r => r.CorrectsReportId).IsUnique()
            .HasFilter("corrects_report_id IS NOT NULL").HasDatabaseName("ix_progress_reports_one_correction");
        // The latest confirmed figure per item, and the review queue of a period.
        builder.HasIndex(r => new { r.WorkItemId, r.State, r.PeriodId });
        builder.HasIndex(r => new { r.PeriodId, r.State });
        builder.HasIndex(r => new { r.ReportingUnitId, r.PeriodId });
        // A few units' activity in one program, read when cached facts are brought up to date after a report: each of
        // the program's items is probed for the unit's few reports, instead of reading every report of the item.
        builder.HasIndex(r => new { r.ReportingUnitId, r.WorkItemId });
        // Every unit's activity in a program (its last submission, its returned reports), read on each whole load of the
        // read model: with these columns beside the item the scan is served from the index alone (~15 → ~7 ms a program
        // at scale L) instead of fetching every report's row.
        builder.HasIndex(r => r.WorkItemId, "ix_progress_reports_unit_activity")
            .IncludeProperties(r => new { r.ReportingUnitId, r.State, r.SubmittedAt, r.ReviewedAt }).HasDatabaseName("ix_progress_reports_unit_activity");
        // The completions of a program's items (confirmed at 100%): without it the planner starts from every
        // program's evidence and looks the reports up one by one (~250 ms a program at scale L instead of ~2 ms).
        builder.HasIndex(r => r.WorkItemId, "ix_progress_reports_completions").HasFilter("state = 'Confirmed' AND percent = 100")
            .HasDatabaseName("ix_progress_reports_completions");
    }
}
