using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        // Key XML runs to a kilobyte or more: no length limit.
        builder.Property(k => k.Xml).HasColumnType("text");
        builder.Property(k => k.FriendlyName).HasColumnType("text");
    }
}
