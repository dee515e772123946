using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HauGiang.Tracker.Core.Data.Configurations;

// Identity's own tables, named like the rest of the schema.
internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityRole>, IEntityTypeConfiguration<IdentityUserRole<string>>, IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>, IEntityTypeConfiguration<IdentityUserToken<string>>, IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.ToTable("roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> builder) => builder.ToTable("user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder) => builder.ToTable("role_claims");
}
