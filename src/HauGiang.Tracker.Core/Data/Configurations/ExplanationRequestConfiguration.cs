using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class ExplanationRequestConfiguration : IEntityTypeConfiguration<ExplanationRequest>
{
    public void Configure(EntityTypeBuilder<ExplanationRequest> builder)
    {
        builder.ToTable("explanation_requests");
        builder.Ignore(r => r.IsAnswered);
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Question).HasMaxLength(TextLimits.Paragraph);
        builder.Property(r => r.Answer).HasMaxLength(TextLimits.Long);
        builder.Property(r => r.RequestedById).HasMaxLength(450);
        builder.Property(r => r.RequestedBy).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.AnsweredById).HasMaxLength(450);
        builder.Property(r => r.AnsweredBy).HasMaxLength(TextLimits.Name);
        builder.HasOne(r => r.WorkItem).WithMany().HasForeignKey(r => r.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.WorkItemId, r.RequestedAt });
        // A unit's open requests: the list staff work through.
        builder.HasIndex(r => r.UnitId).HasFilter("answered_at IS NULL").HasDatabaseName("ix_explanation_requests_open_by_unit");
    }
}
