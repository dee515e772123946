using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddUnitActivityCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_unit_activity",
                table: "progress_reports",
                column: "work_item_id")
                .Annotation("Npgsql:IndexInclude", new[] { "reporting_unit_id", "state", "submitted_at", "reviewed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_progress_reports_unit_activity",
                table: "progress_reports");
        }
    }
}
