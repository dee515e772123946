using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class ActionProgramConfiguration : IEntityTypeConfiguration<ActionProgram>
{
    public void Configure(EntityTypeBuilder<ActionProgram> builder)
    {
        builder.ToTable("programs");
        builder.Property(p => p.ReportingEndedBy).HasMaxLength(TextLimits.Name);
        builder.Property(p => p.ReportingEndBasis).HasMaxLength(TextLimits.Line);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Property(p => p.Code).HasMaxLength(TextLimits.Code);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Goal).HasMaxLength(TextLimits.Paragraph);
        builder.Ignore(p => p.Term);
        builder.HasMany(p => p.Amendments).WithOne().HasForeignKey(a => a.ProgramId);
        builder.HasMany(p => p.Breakthroughs).WithOne().HasForeignKey(b => b.ProgramId);
        builder.HasMany(p => p.Groups).WithOne().HasForeignKey(g => g.ProgramId);
    }
}
