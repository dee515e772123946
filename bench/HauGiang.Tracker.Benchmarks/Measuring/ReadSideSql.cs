using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// The numbers each read-side page shows, each in one hand-written query as someone writing it for that page alone
/// would (issue 17's yardstick: the service's time is reported against these). Every query's answer is checked
/// against the service's before it is timed (<see cref="ReadModelCommand"/>), so the two do the same work.
/// </summary>
internal sealed class ReadSideSql(string connectionString)
{
    /// <summary>A unit's led items on the day and how they stand.</summary>
    public sealed record UnitCounts(long Led, long DoneOnTime, long DoneLate, long Overdue);

    /// <summary>The search's totals per kind (tasks, documents, units) and the ids of each kind's best matches.</summary>
    public sealed record SearchCounts(long Tasks, long Documents, long Units, IReadOnlyList<int> TopTasks);

    /// <summary>The units' table: per unit leading on the day, its items done on time, done late and overdue.</summary>
    public Task<Dictionary<int, UnitCounts>> UnitsAsync(int programId, DateOnly today, CancellationToken ct) =>
        ReadAsync(OverviewCountsSql.Standing + $"""
            SELECT a.org_unit_id, count(*),
                count(*) FILTER (WHERE s.dk <> 'Ongoing' AND s.done IS NOT NULL AND (s.due IS NULL OR s.done <= s.due)),
                count(*) FILTER (WHERE s.dk <> 'Ongoing' AND s.done > s.due),
                count(*) FILTER (WHERE s.dk IN {OverviewCountsSql.Dated} AND s.done IS NULL AND s.due < @today)
            FROM standing s JOIN work_item_assignments a ON a.work_item_id = s.id AND a.role = 'Lead' AND a.starts_on <= @today AND (a.ends_on IS NULL OR a.ends_on >= @today)
            GROUP BY a.org_unit_id
            """, c => { c.Parameters.AddWithValue("program", programId); c.Parameters.AddWithValue("today", today); },
            async (reader, ct1) =>
            {
                var rows = new Dictionary<int, UnitCounts>();
                while (await reader.ReadAsync(ct1))
                {
                    rows[reader.GetInt32(0)] = new UnitCounts(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
                }
                return rows;
            }, ct);

    /// <summary>A drill-down: every overdue item's id (the page shows the first 50; the count is of them all).</summary>
    public Task<List<int>> OverdueAsync(int programId, DateOnly today, CancellationToken ct) =>
        ReadAsync(OverviewCountsSql.Standing + $"""
            SELECT s.id FROM standing s WHERE s.dk IN {OverviewCountsSql.Dated} AND s.done IS NULL AND s.due < @today ORDER BY s.due, s.code
            """, c => { c.Parameters.AddWithValue("program", programId); c.Parameters.AddWithValue("today", today); },
            async (reader, ct1) =>
            {
                var ids = new List<int>();
                while (await reader.ReadAsync(ct1))
                {
                    ids.Add(reader.GetInt32(0));
                }
                return ids;
            }, ct);

    /// <summary>The as-of view of a closed period: its frozen snapshot rows counted as the overview counts them.</summary>
    public Task<OverviewCountsSql.Counts> ClosedAsync(int periodId, CancellationToken ct) =>
        ReadAsync("""
            SELECT count(*),
                count(*) FILTER (WHERE s.axis = 'DoneOnTime'),
                count(*) FILTER (WHERE s.axis = 'DoneLate'),
                count(*) FILTER (WHERE s.axis = 'OpenWithinDeadline' AND NOT s.undated),
                count(*) FILTER (WHERE s.axis = 'Overdue'),
                count(*) FILTER (WHERE s.axis = 'OpenWithinDeadline' AND s.undated)
            FROM period_snapshots s JOIN work_items w ON w.id = s.work_item_id
            WHERE s.period_id = @period AND w.state <> 'Dropped' AND NOT w.is_sample
            """, c => c.Parameters.AddWithValue("period", periodId),
            async (reader, ct1) =>
            {
                await reader.ReadAsync(ct1);
                return new OverviewCountsSql.Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            }, ct);

    /// <summary>The search for one word: matches per kind over the folded code and title (the trigram indexes' expressions), the best tasks first.</summary>
    public Task<SearchCounts> SearchAsync(string word, int limit, CancellationToken ct) =>
        ReadAsync("""
            WITH hits AS (
                SELECT w.id, w.kind, public.word_similarity(public.tracker_fold(@word), public.tracker_fold(w.code || ' ' || w.title)) AS score, w.is_sample, w.code
                FROM work_items w WHERE public.tracker_fold(w.code || ' ' || w.title) LIKE public.tracker_fold(@pattern))
            SELECT (SELECT count(*) FROM hits WHERE kind = 'task'), (SELECT count(*) FROM hits WHERE kind = 'document'),
                (SELECT count(*) FROM org_units u WHERE public.tracker_fold(u.code || ' ' || u.name || ' ' || coalesce(u.short_name, '')) LIKE public.tracker_fold(@pattern)),
                ARRAY(SELECT id FROM hits WHERE kind = 'task' ORDER BY score DESC, is_sample, code LIMIT @limit)
            """, c =>
            {
                c.Parameters.AddWithValue("word", word);
                c.Parameters.AddWithValue("pattern", "%" + word + "%");
                c.Parameters.AddWithValue("limit", limit);
            },
            async (reader, ct1) =>
            {
                await reader.ReadAsync(ct1);
                return new SearchCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<int[]>(3));
            }, ct);

    /// <summary>
    /// The roadmap's data: every real item with the breakthrough it is drawn under (its own, else its parent's, up the tree)
    /// and the end of its bar (the due day in force). The items are filtered by program once more after the tree: the planner
    /// then expects a program's rows, not the recursive union's guess of ~19,000 (with that guess and JIT on, PostgreSQL
    /// compiled the query: ~800 ms).
    /// </summary>
    public Task<Dictionary<int, (int? Breakthrough, DateOnly? Due)>> RoadmapAsync(int programId, DateOnly today, CancellationToken ct) =>
        ReadAsync($"""
            WITH RECURSIVE placed AS (
                SELECT w.id, w.breakthrough_id AS breakthrough, w.group_id AS grp, w.state, w.is_sample
                FROM work_items w WHERE w.program_id = @program AND w.parent_id IS NULL
                UNION ALL
                SELECT c.id, CASE WHEN c.breakthrough_id IS NULL AND c.group_id IS NULL THEN p.breakthrough ELSE c.breakthrough_id END,
                    CASE WHEN c.breakthrough_id IS NULL AND c.group_id IS NULL THEN p.grp ELSE c.group_id END, c.state, c.is_sample
                FROM work_items c JOIN placed p ON c.parent_id = p.id)
            SELECT w.id, p.breakthrough, {OverviewCountsSql.DueToday}
            FROM work_items w JOIN placed p ON p.id = w.id WHERE w.program_id = @program AND w.state <> 'Dropped' AND NOT w.is_sample
            """, c => { c.Parameters.AddWithValue("program", programId); c.Parameters.AddWithValue("today", today); },
            async (reader, ct1) =>
            {
                var rows = new Dictionary<int, (int?, DateOnly?)>();
                while (await reader.ReadAsync(ct1))
                {
                    rows[reader.GetInt32(0)] = (reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2));
                }
                return rows;
            }, ct);

    private Task<T> ReadAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken ct) =>
        ReadAsync(connectionString, sql, bind, read, ct);

    /// <summary>One hand-written query on its own connection: every yardstick (and <see cref="OverviewCountsSql"/>) reads through here.</summary>
    internal static async Task<T> ReadAsync<T>(string connectionString, string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await read(reader, ct);
    }
}
