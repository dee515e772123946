using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Tracker.Core.Data.Migrations
{
    /// <summary>
    /// A cache, not tracked data: each program's fold of today's reports as the read model last computed it, kept by the
    /// notifier so that a new process starts from it (see <c>ProgramFactsStore.KeepFoldsAsync</c>). Written without the
    /// audit trail and outside the EF model; the audit trail since its stamp says what it no longer covers.
    /// </summary>
    public partial class KeepReadModelFolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE read_model_folds (
                    program_id integer PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
                    day date NOT NULL,
                    current_period_id integer NULL,
                    stamp bigint NOT NULL,
                    summaries jsonb NOT NULL,
                    kept_at timestamp with time zone NOT NULL
                );
                COMMENT ON TABLE read_model_folds IS 'Cache of the read model: each program''s fold of today''s reports at an audit stamp. Not tracked data; safe to empty.';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE read_model_folds;");
        }
    }
}
