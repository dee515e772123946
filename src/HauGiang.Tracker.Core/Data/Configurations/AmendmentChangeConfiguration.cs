using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class AmendmentChangeConfiguration : IEntityTypeConfiguration<AmendmentChange>
{
    public void Configure(EntityTypeBuilder<AmendmentChange> builder)
    {
        builder.ToTable("amendment_changes");
        builder.Property(c => c.Description).HasMaxLength(TextLimits.Paragraph);
        builder.Property(c => c.Before).HasMaxLength(TextLimits.Paragraph);
        builder.Property(c => c.After).HasMaxLength(TextLimits.Paragraph);
        builder.HasOne(c => c.WorkItem).WithMany().HasForeignKey(c => c.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.WorkItemId);
    }
}
