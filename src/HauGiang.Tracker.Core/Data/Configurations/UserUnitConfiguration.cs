using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class UserUnitConfiguration : IEntityTypeConfiguration<UserUnit>
{
    public void Configure(EntityTypeBuilder<UserUnit> builder)
    {
        builder.ToTable("user_units");
        builder.HasKey(u => new { u.UserId, u.OrgUnitId });
        builder.HasOne(u => u.OrgUnit).WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OrgUnitId);
    }
}
