using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class DeadlineRevisionConfiguration : IEntityTypeConfiguration<DeadlineRevision>
{
    public void Configure(EntityTypeBuilder<DeadlineRevision> builder)
    {
        builder.ToTable("deadline_revisions");
        builder.ComplexProperty(r => r.Deadline, WorkItemConfiguration.MapDeadline);
        builder.Property(r => r.BasisNumber).HasMaxLength(TextLimits.Code * 2);
        builder.Property(r => r.BasisNote).HasMaxLength(TextLimits.Paragraph);
        builder.Property(r => r.RecordedBy).HasMaxLength(TextLimits.Name);
        builder.HasOne(r => r.Amendment).WithMany().HasForeignKey(r => r.AmendmentId).OnDelete(DeleteBehavior.Restrict);
        // "The deadline in force on day D" is the highest sequence effective by D.
        builder.HasIndex(r => new { r.WorkItemId, r.Sequence }).IsUnique();
    }
}
