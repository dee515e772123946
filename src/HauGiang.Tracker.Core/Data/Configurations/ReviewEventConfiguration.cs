using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class ReviewEventConfiguration : IEntityTypeConfiguration<ReviewEvent>
{
    public void Configure(EntityTypeBuilder<ReviewEvent> builder)
    {
        builder.ToTable("review_events");
        builder.Property(e => e.By).HasMaxLength(TextLimits.Name);
        builder.Property(e => e.Note).HasMaxLength(TextLimits.Paragraph);
        builder.HasIndex(e => new { e.ReportId, e.At });
    }
}
