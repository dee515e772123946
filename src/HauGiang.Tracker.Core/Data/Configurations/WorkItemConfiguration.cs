using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        // Tasks and documents share one table: reports, deadlines and assignments point at one key,
        // and the dashboard counts both in one scan.
        builder.ToTable("work_items");
        builder.HasDiscriminator<string>("kind")
            .HasValue<TaskItem>("task")
            .HasValue<RequiredDocument>("document");
        builder.Property("kind").HasMaxLength(16);
        builder.Ignore(i => i.Kind);
        builder.Ignore(i => i.CurrentLead);

        builder.Property(i => i.Version).IsRowVersion();
        builder.Property(i => i.Code).HasMaxLength(TextLimits.Code);
        builder.Property(i => i.Title).HasMaxLength(TextLimits.Paragraph);
        builder.Property(i => i.Description).HasMaxLength(TextLimits.Long);
        builder.Property(i => i.ResponsiblePerson).HasMaxLength(TextLimits.Name);
        builder.Property(i => i.Weight).HasPrecision(9, 2).HasDefaultValue(1m);
        builder.Property(i => i.Origin).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.SourceNote).HasMaxLength(TextLimits.Paragraph);
        builder.ComplexProperty(i => i.Deadline, MapDeadline);
        builder.ComplexProperty(i => i.OriginalDeadline, MapDeadline);

        builder.HasOne(i => i.Parent).WithMany(i => i.Children).HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Breakthrough).WithMany().HasForeignKey(i => i.BreakthroughId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Group).WithMany().HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ActionProgram>().WithMany().HasForeignKey(i => i.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Amendment>().WithMany().HasForeignKey(i => i.AddedByAmendmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Amendment>().WithMany().HasForeignKey(i => i.DroppedByAmendmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Assignments).WithOne(a => a.WorkItem).HasForeignKey(a => a.WorkItemId);
        builder.HasMany(i => i.DeadlineRevisions).WithOne().HasForeignKey(r => r.WorkItemId);
        builder.HasMany(i => i.Milestones).WithOne().HasForeignKey(m => m.WorkItemId);

        builder.HasIndex(i => new { i.ProgramId, i.Code }).IsUnique();
        builder.HasIndex(i => i.ParentId);
        builder.HasIndex(i => i.GroupId);
        builder.HasIndex(i => i.BreakthroughId);
    }

    internal static void MapDeadline(ComplexPropertyBuilder<Deadline> deadline)
    {
        deadline.Property(d => d.Label).HasMaxLength(TextLimits.Name);
    }
}
