using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(TextLimits.Name);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityKey).HasMaxLength(128);
        // Stored exactly as hashed: text, not jsonb, which would reorder keys.
        builder.Property(e => e.Before).HasColumnType("text");
        builder.Property(e => e.After).HasColumnType("text");
        builder.Property(e => e.Reason).HasMaxLength(TextLimits.Paragraph);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => new { e.ItemId, e.At });
        builder.HasIndex(e => new { e.UnitId, e.At });
        builder.HasIndex(e => new { e.PeriodId, e.At });
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
        // The newest change to a program's data, and the newest that may concern any program, key the read side's
        // cache: a backward scan of each index finds one without reading the sign-ins and refusals the security
        // trail keeps adding, nor the changes of the other programs.
        builder.HasIndex(e => new { e.ProgramId, e.Id }, "ix_audit_entries_program_data_changes").HasFilter("category = 'Data'")
            .HasDatabaseName("ix_audit_entries_program_data_changes");
        builder.HasIndex(e => e.Id, "ix_audit_entries_global_data_changes").HasFilter("category = 'Data' AND program_id IS NULL")
            .HasDatabaseName("ix_audit_entries_global_data_changes");
    }
}
