using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class WorkItemAssignmentConfiguration : IEntityTypeConfiguration<WorkItemAssignment>
{
    public void Configure(EntityTypeBuilder<WorkItemAssignment> builder)
    {
        builder.ToTable("work_item_assignments");
        builder.Property(a => a.Note).HasMaxLength(TextLimits.Line);
        builder.HasOne(a => a.OrgUnit).WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        // One current lead per item; "my unit's items" reads current rows by unit.
        builder.HasIndex(a => a.WorkItemId).IsUnique().HasFilter("role = 'Lead' AND ends_on IS NULL").HasDatabaseName("ix_work_item_assignments_current_lead");
        builder.HasIndex(a => new { a.OrgUnitId, a.Role }).HasFilter("ends_on IS NULL").HasDatabaseName("ix_work_item_assignments_current_by_unit");
        builder.HasIndex(a => new { a.WorkItemId, a.OrgUnitId, a.Role, a.StartsOn }).IsUnique();
    }
}
