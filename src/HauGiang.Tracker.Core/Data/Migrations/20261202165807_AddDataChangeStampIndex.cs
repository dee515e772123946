using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddDataChangeStampIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_data_changes",
                table: "audit_entries",
                column: "id",
                filter: "category = 'Data'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_data_changes",
                table: "audit_entries");
        }
    }
}
