using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("org_units");
        builder.Property(u => u.Version).IsRowVersion();
        builder.Property(u => u.Code).HasMaxLength(TextLimits.Code);
        builder.Property(u => u.Name).HasMaxLength(TextLimits.Name);
        builder.Property(u => u.ShortName).HasMaxLength(TextLimits.Name);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Successors).WithOne(s => s.Predecessor).HasForeignKey(s => s.PredecessorId);
    }
}
