using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddIssuedExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "issued_exports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    period_id = table.Column<int>(type: "integer", nullable: true),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    file_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    content_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    subject = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    scope_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    period_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    provisional = table.Column<bool>(type: "boolean", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    issued_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_exports", x => x.id);
                    table.ForeignKey(
                        name: "fk_issued_exports_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_exports_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_issued_exports_code",
                table: "issued_exports",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "ix_issued_exports_content_hash",
                table: "issued_exports",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_issued_exports_file_hash",
                table: "issued_exports",
                column: "file_hash");

            migrationBuilder.CreateIndex(
                name: "ix_issued_exports_period_id",
                table: "issued_exports",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_exports_program_id",
                table: "issued_exports",
                column: "program_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issued_exports");
        }
    }
}
