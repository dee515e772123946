using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_progress_reports_corrects_report_id",
                table: "progress_reports");

            migrationBuilder.DropIndex(
                name: "ix_progress_reports_live",
                table: "progress_reports");

            migrationBuilder.AddColumn<long>(
                name: "issued_file_id",
                table: "work_items",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "issued_file_name",
                table: "work_items",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_contribution",
                table: "progress_reports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "explanation_requests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_item_id = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    requested_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    answer = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_explanation_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_explanation_requests_org_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_explanation_requests_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "period_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period_id = table.Column<int>(type: "integer", nullable: false),
                    work_item_id = table.Column<int>(type: "integer", nullable: false),
                    lead_unit_id = table.Column<int>(type: "integer", nullable: true),
                    report_id = table.Column<int>(type: "integer", nullable: true),
                    report_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    axis = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    against_original = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    not_started = table.Column<bool>(type: "boolean", nullable: false),
                    reported = table.Column<bool>(type: "boolean", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    taken_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_period_snapshots_org_units_lead_unit_id",
                        column: x => x.lead_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_snapshots_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_snapshots_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "progress_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_period_snapshots_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_items_issued_file_id",
                table: "work_items",
                column: "issued_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_one_correction",
                table: "progress_reports",
                column: "corrects_report_id",
                unique: true,
                filter: "corrects_report_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_original",
                table: "progress_reports",
                columns: new[] { "work_item_id", "period_id", "reporting_unit_id" },
                unique: true,
                filter: "corrects_report_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_explanation_requests_open_by_unit",
                table: "explanation_requests",
                column: "unit_id",
                filter: "answered_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_explanation_requests_work_item_id_requested_at",
                table: "explanation_requests",
                columns: new[] { "work_item_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_period_snapshots_lead_unit_id",
                table: "period_snapshots",
                column: "lead_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_period_snapshots_period_id_lead_unit_id",
                table: "period_snapshots",
                columns: new[] { "period_id", "lead_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_period_snapshots_period_id_work_item_id",
                table: "period_snapshots",
                columns: new[] { "period_id", "work_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_period_snapshots_report_id",
                table: "period_snapshots",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_period_snapshots_work_item_id",
                table: "period_snapshots",
                column: "work_item_id");

            migrationBuilder.AddForeignKey(
                name: "fk_work_items_stored_files_issued_file_id",
                table: "work_items",
                column: "issued_file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_work_items_stored_files_issued_file_id",
                table: "work_items");

            migrationBuilder.DropTable(
                name: "explanation_requests");

            migrationBuilder.DropTable(
                name: "period_snapshots");

            migrationBuilder.DropIndex(
                name: "ix_work_items_issued_file_id",
                table: "work_items");

            migrationBuilder.DropIndex(
                name: "ix_progress_reports_one_correction",
                table: "progress_reports");

            migrationBuilder.DropIndex(
                name: "ix_progress_reports_original",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "issued_file_id",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "issued_file_name",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "is_contribution",
                table: "progress_reports");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_corrects_report_id",
                table: "progress_reports",
                column: "corrects_report_id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_live",
                table: "progress_reports",
                columns: new[] { "work_item_id", "period_id", "reporting_unit_id" },
                unique: true,
                filter: "superseded_by_id IS NULL");
        }
    }
}
