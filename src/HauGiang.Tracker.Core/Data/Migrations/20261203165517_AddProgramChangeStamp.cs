using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <summary>
    /// Keys the read side's cache by program (issue 17): each audit row names the program its change concerns, or
    /// none when it may concern any, and the stamp of a program is the newest row of either kind.
    /// </summary>
    public partial class AddProgramChangeStamp : Migration
    {
        // One rule for the trigger and for the rows written before it. The item decides when there is one (an item's
        // program never changes); a period only when there is no item; nothing else names a program, so null, which
        // moves every program's stamp. Evidence names neither but belongs to a report: its report's item decides.
        // A row that is gone gives null: deletes are written before their audit rows (TrackerDbContext saves the
        // change, then appends the trail in the same transaction), so deleting an item, a period or a piece of
        // evidence moves every program's stamp, which is never stale. A review event (one with every submission,
        // confirmation and return) names neither either: its report's item decides, or every submission anywhere
        // would cool every program (the benchmark's submit measure found it).
        private static string ProgramOf(string row) => $$"""
            CASE
                WHEN {{row}}.item_id IS NOT NULL THEN (SELECT w.program_id FROM work_items w WHERE w.id = {{row}}.item_id)
                WHEN {{row}}.period_id IS NOT NULL THEN (SELECT p.program_id FROM reporting_periods p WHERE p.id = {{row}}.period_id)
                WHEN {{row}}.entity_type = 'Evidence' AND {{row}}.entity_key ~ '^[0-9]{1,9}$' THEN
                    (SELECT w.program_id FROM evidence e JOIN progress_reports r ON r.id = e.report_id JOIN work_items w ON w.id = r.work_item_id
                     WHERE e.id = {{row}}.entity_key::integer)
                WHEN {{row}}.entity_type = 'ReviewEvent' AND {{row}}.entity_key ~ '^[0-9]{1,18}$' THEN
                    (SELECT w.program_id FROM review_events v JOIN progress_reports r ON r.id = v.report_id JOIN work_items w ON w.id = r.work_item_id
                     WHERE v.id = {{row}}.entity_key::bigint)
            END
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_data_changes",
                table: "audit_entries");

            migrationBuilder.AddColumn<int>(
                name: "program_id",
                table: "audit_entries",
                type: "integer",
                nullable: true);

            // The database fills the column, whatever the app sends: it is derived, so the hash chain does not cover
            // it (AuditHash), and the append-only trigger (BEFORE UPDATE OR DELETE) does not see an insert's change.
            migrationBuilder.Sql($"""
                CREATE FUNCTION audit_entries_set_program() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.program_id := {ProgramOf("NEW")};
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER audit_entries_program BEFORE INSERT ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_set_program();
                """);

            // The rows already written get the same rule. The append-only trigger refuses any UPDATE, so it is off
            // for this one statement only, inside the migration's transaction: if anything fails it is back on with
            // the rollback, and no other session appends meanwhile (ALTER TABLE holds a lock that blocks writers
            // until the commit). Only the derived column changes; the hashed ones stay as they were, so the chain
            // still verifies. The owner may do this without superuser rights (MigrationTests migrates as one).
            migrationBuilder.Sql($"""
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only;
                UPDATE audit_entries a SET program_id = {ProgramOf("a")}
                 WHERE a.item_id IS NOT NULL OR a.period_id IS NOT NULL OR a.entity_type IN ('Evidence', 'ReviewEvent');
                ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_global_data_changes",
                table: "audit_entries",
                column: "id",
                filter: "category = 'Data' AND program_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_program_data_changes",
                table: "audit_entries",
                columns: new[] { "program_id", "id" },
                filter: "category = 'Data'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_global_data_changes",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_program_data_changes",
                table: "audit_entries");

            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_entries_program ON audit_entries;
                DROP FUNCTION IF EXISTS audit_entries_set_program();
                """);

            migrationBuilder.DropColumn(
                name: "program_id",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_data_changes",
                table: "audit_entries",
                column: "id",
                filter: "category = 'Data'");
        }
    }
}
