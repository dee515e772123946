using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.ToTable("holidays");
        builder.Property(h => h.Version).IsRowVersion();
        builder.Property(h => h.Name).HasMaxLength(TextLimits.Name);
        builder.HasIndex(h => h.Date).IsUnique();
    }
}
