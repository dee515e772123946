using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.FullName).HasMaxLength(TextLimits.Name);
        builder.HasMany(u => u.Units).WithOne().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
