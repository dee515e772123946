using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAccentInsensitiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Both extensions are trusted (PostgreSQL 13+): the database's owner may create them without being a superuser.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;");
            // unaccent() is STABLE (its dictionary could change), so an index needs an IMMUTABLE wrapper. Every name
            // is schema-qualified: an index expression must not depend on the search_path of whoever writes a row,
            // and pg_dump restores with an empty one. unaccent.rules maps đ/Đ to d/D and drops combining marks
            // (text typed decomposed); translate() keeps đ → d true even on a server with a trimmed rules file.
            migrationBuilder.Sql("""
                CREATE FUNCTION public.tracker_fold(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT pg_catalog.lower(pg_catalog.translate(public.unaccent('public.unaccent'::regdictionary, $1), 'đĐ', 'dD')) $$;
                """);
            // The expressions are exactly what SearchService's LINQ translates to, or the planner would not match them.
            migrationBuilder.Sql("""
                CREATE INDEX ix_work_items_search ON work_items
                USING gin (public.tracker_fold(code || ' ' || title) public.gin_trgm_ops);
                """);
            migrationBuilder.Sql("""
                CREATE INDEX ix_org_units_search ON org_units
                USING gin (public.tracker_fold(code || ' ' || name || ' ' || COALESCE(short_name, '')) public.gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_org_units_search;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_work_items_search;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public.tracker_fold(text);");
            // Without CASCADE: if something else came to use them, the rollback stops instead of dropping it.
            migrationBuilder.Sql("DROP EXTENSION IF EXISTS pg_trgm;");
            migrationBuilder.Sql("DROP EXTENSION IF EXISTS unaccent;");
        }
    }
}
