using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

internal sealed class RequiredDocumentConfiguration : IEntityTypeConfiguration<RequiredDocument>
{
    public void Configure(EntityTypeBuilder<RequiredDocument> builder)
    {
        builder.Ignore(d => d.CompletedOn);
        builder.Property(d => d.IssuingAuthority).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.NumberSymbol).HasMaxLength(TextLimits.Code * 2);
        builder.Property(d => d.Abstract).HasMaxLength(TextLimits.Paragraph);
        builder.Property(d => d.Signer).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.IssuanceConfirmedBy).HasMaxLength(TextLimits.Name);
        builder.Property(d => d.IssuedFileName).HasMaxLength(TextLimits.Name);
        builder.HasOne(d => d.IssuedFile).WithMany().HasForeignKey(d => d.IssuedFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
