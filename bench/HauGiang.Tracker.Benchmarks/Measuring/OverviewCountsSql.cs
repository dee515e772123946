using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>Today's overview counts of one program's real items in one hand-written query (as the integration tests count them, with the
/// completions limited to the program's items, as anyone writing it for one program would).</summary>
internal sealed class OverviewCountsSql(string connectionString)
{
    public sealed record Counts(long Total, long DoneOnTime, long DoneLate, long OpenWithin, long Overdue, long Undated);

    private const string Query = """
        WITH items AS (
            SELECT w.id, w.deadline_kind AS dk, w.deadline_due_date AS due
            FROM work_items w WHERE w.program_id = @program AND w.state <> 'Dropped' AND NOT w.is_sample),
        completions AS (
            SELECT r.work_item_id AS id, coalesce(r.achieved_on, (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS day
            FROM progress_reports r JOIN items i ON i.id = r.work_item_id
            WHERE r.state = 'Confirmed' AND r.percent = 100 AND NOT r.is_contribution AND r.superseded_by_id IS NULL
              AND EXISTS (SELECT 1 FROM evidence e WHERE e.report_id = r.id)
            UNION ALL
            SELECT d.id, d.issued_on FROM work_items d WHERE d.program_id = @program AND d.stage = 'Issued' AND d.issued_on IS NOT NULL AND d.issuance_confirmed_at IS NOT NULL),
        standing AS (
            SELECT i.*, (SELECT min(c.day) FROM completions c WHERE c.id = i.id AND c.day <= @today) AS done FROM items i)
        SELECT count(*) AS total,
            count(*) FILTER (WHERE dk <> 'Ongoing' AND done IS NOT NULL AND (due IS NULL OR done <= due)) AS done_on_time,
            count(*) FILTER (WHERE dk <> 'Ongoing' AND done > due) AS done_late,
            count(*) FILTER (WHERE (dk IN ('Date', 'Period') AND done IS NULL AND due >= @today) OR dk = 'Ongoing') AS open_within,
            count(*) FILTER (WHERE dk IN ('Date', 'Period') AND done IS NULL AND due < @today) AS overdue,
            count(*) FILTER (WHERE dk = 'Unspecified' AND done IS NULL) AS undated
        FROM standing
        """;

    public async Task<Counts> CountAsync(int programId, DateOnly today, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("today", today);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }
}
