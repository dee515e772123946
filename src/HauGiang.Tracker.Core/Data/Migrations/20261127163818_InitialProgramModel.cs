using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialProgramModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_units",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    short_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    is_sample = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_units_org_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    issuing_body = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_start_year = table.Column<int>(type: "integer", nullable: false),
                    term_end_year = table.Column<int>(type: "integer", nullable: false),
                    implements = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    motto = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    spirit = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    goal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_successions",
                columns: table => new
                {
                    predecessor_id = table.Column<int>(type: "integer", nullable: false),
                    successor_id = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_successions", x => new { x.predecessor_id, x.successor_id });
                    table.ForeignKey(
                        name: "fk_unit_successions_org_units_predecessor_id",
                        column: x => x.predecessor_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_unit_successions_org_units_successor_id",
                        column: x => x.successor_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "amendments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_amendments", x => x.id);
                    table.ForeignKey(
                        name: "fk_amendments_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "breakthroughs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_breakthroughs", x => x.id);
                    table.ForeignKey(
                        name: "fk_breakthroughs_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_periods",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_periods", x => x.id);
                    table.CheckConstraint("ck_reporting_periods_window", "starts_on <= ends_on");
                    table.ForeignKey(
                        name: "fk_reporting_periods_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "solution_groups",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    heading = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_solution_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_solution_groups_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    measure = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    responsible_unit_id = table.Column<int>(type: "integer", nullable: true),
                    group_id = table.Column<int>(type: "integer", nullable: true),
                    breakthrough_id = table.Column<int>(type: "integer", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    is_sample = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicators_breakthroughs_breakthrough_id",
                        column: x => x.breakthrough_id,
                        principalTable: "breakthroughs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicators_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "solution_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicators_org_units_responsible_unit_id",
                        column: x => x.responsible_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_indicators_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    program_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    breakthrough_id = table.Column<int>(type: "integer", nullable: true),
                    group_id = table.Column<int>(type: "integer", nullable: true),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    weight = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false, defaultValue: 1m),
                    responsible_person = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    added_by_amendment_id = table.Column<int>(type: "integer", nullable: true),
                    dropped_by_amendment_id = table.Column<int>(type: "integer", nullable: true),
                    is_sample = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    deadline_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    deadline_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    deadline_label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    deadline_recurrence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    deadline_recurs_until = table.Column<DateOnly>(type: "date", nullable: true),
                    original_deadline_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    original_deadline_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    original_deadline_label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    original_deadline_recurrence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    original_deadline_recurs_until = table.Column<DateOnly>(type: "date", nullable: true),
                    document_type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    issuing_authority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    stage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    number_symbol = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    @abstract = table.Column<string>(name: "abstract", type: "character varying(4000)", maxLength: 4000, nullable: true),
                    signer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    issuance_confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    issuance_confirmed_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_items_amendments_added_by_amendment_id",
                        column: x => x.added_by_amendment_id,
                        principalTable: "amendments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_items_amendments_dropped_by_amendment_id",
                        column: x => x.dropped_by_amendment_id,
                        principalTable: "amendments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_items_breakthroughs_breakthrough_id",
                        column: x => x.breakthrough_id,
                        principalTable: "breakthroughs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_items_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "solution_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_items_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_items_work_items_parent_id",
                        column: x => x.parent_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    target_text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_targets_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    period_id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    source_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_values_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_indicator_values_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "amendment_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    amendment_id = table.Column<int>(type: "integer", nullable: false),
                    work_item_id = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    after = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_amendment_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_amendment_changes_amendments_amendment_id",
                        column: x => x.amendment_id,
                        principalTable: "amendments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_amendment_changes_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deadline_revisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_item_id = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    basis_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    basis_date = table.Column<DateOnly>(type: "date", nullable: true),
                    basis_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    amendment_id = table.Column<int>(type: "integer", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    deadline_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    deadline_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    deadline_label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    deadline_recurrence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    deadline_recurs_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_deadline_revisions_amendments_amendment_id",
                        column: x => x.amendment_id,
                        principalTable: "amendments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deadline_revisions_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_item_id = table.Column<int>(type: "integer", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_milestones_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_item_id = table.Column<int>(type: "integer", nullable: false),
                    period_id = table.Column<int>(type: "integer", nullable: false),
                    reporting_unit_id = table.Column<int>(type: "integer", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    obstacles = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    proposals = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    next_steps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    achieved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reviewed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    review_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    corrects_report_id = table.Column<int>(type: "integer", nullable: true),
                    superseded_by_id = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_reports", x => x.id);
                    table.CheckConstraint("ck_progress_reports_percent", "percent BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_progress_reports_org_units_reporting_unit_id",
                        column: x => x.reporting_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_progress_reports_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_progress_reports_progress_reports_corrects_report_id",
                        column: x => x.corrects_report_id,
                        principalTable: "progress_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_progress_reports_progress_reports_superseded_by_id",
                        column: x => x.superseded_by_id,
                        principalTable: "progress_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_progress_reports_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_item_assignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    work_item_id = table.Column<int>(type: "integer", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_item_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_item_assignments_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_item_assignments_work_items_work_item_id",
                        column: x => x.work_item_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    content_type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: true),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    stored_file_id = table.Column<long>(type: "bigint", nullable: true),
                    document_id = table.Column<int>(type: "integer", nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "work_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_evidence_progress_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "progress_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evidence_stored_files_stored_file_id",
                        column: x => x.stored_file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_id = table.Column<int>(type: "integer", nullable: false),
                    from_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to_state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_events_progress_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "progress_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_amendment_changes_amendment_id",
                table: "amendment_changes",
                column: "amendment_id");

            migrationBuilder.CreateIndex(
                name: "ix_amendment_changes_work_item_id",
                table: "amendment_changes",
                column: "work_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_amendments_program_id_decision_number",
                table: "amendments",
                columns: new[] { "program_id", "decision_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_breakthroughs_program_id_ordinal",
                table: "breakthroughs",
                columns: new[] { "program_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deadline_revisions_amendment_id",
                table: "deadline_revisions",
                column: "amendment_id");

            migrationBuilder.CreateIndex(
                name: "ix_deadline_revisions_work_item_id_sequence",
                table: "deadline_revisions",
                columns: new[] { "work_item_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_document_id",
                table: "evidence",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_report_id",
                table: "evidence",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_stored_file_id",
                table: "evidence",
                column: "stored_file_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_targets_indicator_id_year",
                table: "indicator_targets",
                columns: new[] { "indicator_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_indicator_id_period_id",
                table: "indicator_values",
                columns: new[] { "indicator_id", "period_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_values_period_id",
                table: "indicator_values",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_breakthrough_id",
                table: "indicators",
                column: "breakthrough_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_group_id",
                table: "indicators",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_program_id_code",
                table: "indicators",
                columns: new[] { "program_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_indicators_responsible_unit_id",
                table: "indicators",
                column: "responsible_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_due_date",
                table: "milestones",
                column: "due_date");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_work_item_id_ordinal",
                table: "milestones",
                columns: new[] { "work_item_id", "ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_org_units_code",
                table: "org_units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_units_parent_id",
                table: "org_units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_programs_code",
                table: "programs",
                column: "code",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_period_id_state",
                table: "progress_reports",
                columns: new[] { "period_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_reporting_unit_id_period_id",
                table: "progress_reports",
                columns: new[] { "reporting_unit_id", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_superseded_by_id",
                table: "progress_reports",
                column: "superseded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_work_item_id_state_period_id",
                table: "progress_reports",
                columns: new[] { "work_item_id", "state", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_program_id_kind_year_number",
                table: "reporting_periods",
                columns: new[] { "program_id", "kind", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_starts_on_ends_on",
                table: "reporting_periods",
                columns: new[] { "starts_on", "ends_on" });

            migrationBuilder.CreateIndex(
                name: "ix_review_events_report_id_at",
                table: "review_events",
                columns: new[] { "report_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_solution_groups_program_id_ordinal",
                table: "solution_groups",
                columns: new[] { "program_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_successions_successor_id",
                table: "unit_successions",
                column: "successor_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_item_assignments_current_by_unit",
                table: "work_item_assignments",
                columns: new[] { "org_unit_id", "role" },
                filter: "ends_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_work_item_assignments_current_lead",
                table: "work_item_assignments",
                column: "work_item_id",
                unique: true,
                filter: "role = 'Lead' AND ends_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_work_item_assignments_work_item_id_org_unit_id_role_starts_",
                table: "work_item_assignments",
                columns: new[] { "work_item_id", "org_unit_id", "role", "starts_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_items_added_by_amendment_id",
                table: "work_items",
                column: "added_by_amendment_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_breakthrough_id",
                table: "work_items",
                column: "breakthrough_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_dropped_by_amendment_id",
                table: "work_items",
                column: "dropped_by_amendment_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_group_id",
                table: "work_items",
                column: "group_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_parent_id",
                table: "work_items",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_program_id_code",
                table: "work_items",
                columns: new[] { "program_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "amendment_changes");

            migrationBuilder.DropTable(
                name: "deadline_revisions");

            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "indicator_targets");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "milestones");

            migrationBuilder.DropTable(
                name: "review_events");

            migrationBuilder.DropTable(
                name: "unit_successions");

            migrationBuilder.DropTable(
                name: "work_item_assignments");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "progress_reports");

            migrationBuilder.DropTable(
                name: "org_units");

            migrationBuilder.DropTable(
                name: "reporting_periods");

            migrationBuilder.DropTable(
                name: "work_items");

            migrationBuilder.DropTable(
                name: "amendments");

            migrationBuilder.DropTable(
                name: "breakthroughs");

            migrationBuilder.DropTable(
                name: "solution_groups");

            migrationBuilder.DropTable(
                name: "programs");
        }
    }
}
