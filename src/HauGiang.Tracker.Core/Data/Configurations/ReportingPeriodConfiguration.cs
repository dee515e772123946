using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.ToTable("reporting_periods");
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.Label).HasMaxLength(TextLimits.Code * 2);
        builder.Property(p => p.ClosedBy).HasMaxLength(TextLimits.Name);
        builder.Ignore(p => p.Window);
        builder.HasOne<ActionProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ProgramId, p.Kind, p.Year, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.StartsOn, p.EndsOn });
        builder.ToTable(t => t.HasCheckConstraint("ck_reporting_periods_window", "starts_on <= ends_on"));
    }
}
