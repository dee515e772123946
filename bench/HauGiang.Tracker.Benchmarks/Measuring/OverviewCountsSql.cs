namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>Today's overview counts of one program's real items in one hand-written query (as the integration tests count them, with the
/// completions limited to the program's items, as anyone writing it for one program would).</summary>
internal sealed class OverviewCountsSql(string connectionString)
{
    public sealed record Counts(long Total, long DoneOnTime, long DoneLate, long OpenWithin, long Overdue, long Undated);

    /// <summary>
    /// The due day in force today of the deadline of item <c>w</c>: a recurring deadline's first occurrence not yet past,
    /// else its last (month steps; a first due day at a month's end keeps to month ends), as <c>Deadline.DueDateOn</c>.
    /// </summary>
    public const string DueToday = """
        CASE WHEN w.deadline_kind = 'Recurring' AND w.deadline_recurrence IS NOT NULL AND w.deadline_recurs_until IS NOT NULL THEN (
            SELECT coalesce(min(o.d) FILTER (WHERE o.d >= @today), max(o.d))
            FROM generate_series(0, 599) k
            CROSS JOIN LATERAL (SELECT (w.deadline_due_date + make_interval(months => k * CASE w.deadline_recurrence
                WHEN 'Monthly' THEN 1 WHEN 'Quarterly' THEN 3 WHEN 'HalfYearly' THEN 6 ELSE 12 END))::date AS raw) r
            CROSS JOIN LATERAL (SELECT CASE WHEN w.deadline_due_date = (date_trunc('month', w.deadline_due_date) + interval '1 month - 1 day')::date
                THEN (date_trunc('month', r.raw) + interval '1 month - 1 day')::date ELSE r.raw END AS d) o
            WHERE o.d <= w.deadline_recurs_until)
        ELSE w.deadline_due_date END
        """;

    /// <summary>The real items of a program (@program) with their due day today and the day each was first completed on or before @today (null: open).</summary>
    public const string Standing = $"""
        WITH items AS (
            SELECT w.id, w.code, w.deadline_kind AS dk, {DueToday} AS due
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

        """;

    /// <summary>The kinds of deadline with a due day (the others: "thường xuyên" is never late, "chưa xác định" is counted apart).</summary>
    public const string Dated = "('Date', 'Period', 'Recurring')";

    private const string Query = Standing + $"""
        SELECT count(*) AS total,
            count(*) FILTER (WHERE dk <> 'Ongoing' AND done IS NOT NULL AND (due IS NULL OR done <= due)) AS done_on_time,
            count(*) FILTER (WHERE dk <> 'Ongoing' AND done > due) AS done_late,
            count(*) FILTER (WHERE (dk IN {Dated} AND done IS NULL AND due >= @today) OR dk = 'Ongoing') AS open_within,
            count(*) FILTER (WHERE dk IN {Dated} AND done IS NULL AND due < @today) AS overdue,
            count(*) FILTER (WHERE dk = 'Unspecified' AND done IS NULL) AS undated
        FROM standing
        """;

    public Task<Counts> CountAsync(int programId, DateOnly today, CancellationToken ct) =>
        ReadSideSql.ReadAsync(connectionString, Query, c => { c.Parameters.AddWithValue("program", programId); c.Parameters.AddWithValue("today", today); },
            async (reader, ct1) =>
            {
                await reader.ReadAsync(ct1);
                return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            }, ct);
}
