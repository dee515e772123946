using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordSourcesUndatedWorkAndEndOfReporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "work_items",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Administrator");

            migrationBuilder.AddColumn<string>(
                name: "source_note",
                table: "work_items",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "solution_groups",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reporting_end_basis",
                table: "programs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reporting_ended_by",
                table: "programs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "reporting_ended_on",
                table: "programs",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "undated",
                table: "period_snapshots",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Items already recorded: an amendment's additions say so; the six groups' items are the Secretary's
            // article (the groups are his); samples stand in for the Program's own items. The rest stay an
            // administrator's entry until someone states their source.
            migrationBuilder.Sql("UPDATE work_items SET origin = 'Amendment' WHERE added_by_amendment_id IS NOT NULL;");
            migrationBuilder.Sql("UPDATE work_items SET origin = 'Program' WHERE is_sample AND added_by_amendment_id IS NULL;");
            migrationBuilder.Sql("UPDATE work_items SET origin = 'SecretaryArticle' WHERE NOT is_sample AND added_by_amendment_id IS NULL AND group_id IS NOT NULL;");
            migrationBuilder.Sql("""
                UPDATE solution_groups SET source = 'Bài viết “Tỉnh Hậu Giang quyết tâm đổi mới, thực hiện đột phá bằng khát vọng vươn lên mạnh mẽ, vì sự phát triển nhanh và bền vững” của Bí thư Tỉnh ủy Nghiêm Xuân Thành: nhiệm vụ, giải pháp “từ nay đến cuối nhiệm kỳ”, nêu sau Chương trình (dẫn Hội nghị xúc tiến đầu tư năm 2022 và chỉ tiêu năm 2023)'
                WHERE source IS NULL AND heading IN ('Một là', 'Hai là', 'Ba là', 'Bốn là', 'Năm là', 'Sáu là');
                """);
            // Snapshots taken before "chưa xác định thời hạn" was counted apart: open work whose deadline in
            // force at the period's end was not set.
            migrationBuilder.Sql("""
                UPDATE period_snapshots s SET undated = true
                FROM reporting_periods p
                WHERE p.id = s.period_id AND s.completed_on IS NULL AND s.due_date IS NULL
                  AND (SELECT r.deadline_kind FROM deadline_revisions r
                       WHERE r.work_item_id = s.work_item_id AND r.effective_on <= p.ends_on
                       ORDER BY r.sequence DESC LIMIT 1) = 'Unspecified';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "origin",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "source_note",
                table: "work_items");

            migrationBuilder.DropColumn(
                name: "source",
                table: "solution_groups");

            migrationBuilder.DropColumn(
                name: "reporting_end_basis",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "reporting_ended_by",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "reporting_ended_on",
                table: "programs");

            migrationBuilder.DropColumn(
                name: "undated",
                table: "period_snapshots");
        }
    }
}
