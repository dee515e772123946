using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Measuring.Writers;

internal sealed record Check(string Name, bool Passed, string Counts);

/// <summary>
/// What the database holds after the run, against what the writers were told. A write refused with the outage message
/// may have been committed all the same (the server stopped between the commit and its answer): such a write is
/// allowed in the database at most once, and counted, but never required.
/// </summary>
internal static class WritersChecks
{
    /// <summary>The highest audit row and review event before the run: what the run wrote is above them.</summary>
    internal sealed record Marks(long AuditId, long EventId);

    public static async Task<Marks> MarkAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return new Marks(await ScalarAsync(connection, "SELECT coalesce(max(id), 0) FROM audit_entries", ct),
            await ScalarAsync(connection, "SELECT coalesce(max(id), 0) FROM review_events", ct));
    }

    public static async Task<List<Check>> RunAsync(string connectionString, Marks marks, IReadOnlyList<Op> ops, CancellationToken ct)
    {
        // A connection of its own, outside the workload's pool: after a restart that pool may still hold idle connections
        // the server ended (57P01 on their next command), and the checks would fail on the pool, not on the data.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var checks = new List<Check>();

        var unexpected = ops.Count(o => o.Outcome == Outcome.Unexpected);
        var deadlocks = ops.Count(o => o.Outcome == Outcome.Unexpected && o.Reason!.StartsWith("DEADLOCK", StringComparison.Ordinal));
        checks.Add(new Check("no unexpected exception", unexpected == 0, $"{unexpected} unexpected"));
        checks.Add(new Check("no deadlock (40P01) escaped unhandled", deadlocks == 0, $"{deadlocks} deadlocks"));

        // The model's uniqueness rules (ix_progress_reports_original, ix_progress_reports_one_correction), checked over the whole table.
        var duplicateOriginals = await ScalarAsync(connection, """
            SELECT count(*) FROM (SELECT 1 FROM progress_reports WHERE corrects_report_id IS NULL
              GROUP BY work_item_id, period_id, reporting_unit_id HAVING count(*) > 1) d
            """, ct);
        var duplicateCorrections = await ScalarAsync(connection, """
            SELECT count(*) FROM (SELECT 1 FROM progress_reports WHERE corrects_report_id IS NOT NULL GROUP BY corrects_report_id HAVING count(*) > 1) d
            """, ct);
        checks.Add(new Check("one original report per (item, period, unit), one correction per report", duplicateOriginals + duplicateCorrections == 0,
            $"{duplicateOriginals} duplicated originals, {duplicateCorrections} reports corrected twice"));

        var audited = await AuditedSavesAsync(connection, marks, ct);
        checks.Add(AuditOfSaves(audited, ops));
        checks.Add(await ReviewEventsAsync(connection, marks, ops, ct));
        checks.Add(await AuditOfEventsAsync(connection, marks, ct));
        checks.Add(await NoLostUpdateAsync(connection, ops, audited, ct));
        return checks;
    }

    /// <summary>Each save writes its report and its audit row in one transaction: the row carries the save's token in its text.</summary>
    /// <summary>Per save token in the audit trail since the run began: how many rows carry it, and the last row's id.</summary>
    private static async Task<Dictionary<string, (int Rows, long LastId)>> AuditedSavesAsync(NpgsqlConnection connection, Marks marks, CancellationToken ct)
    {
        var found = new Dictionary<string, (int Rows, long LastId)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT id, after FROM audit_entries WHERE id > @mark AND entity_type = 'ProgressReport' AND after LIKE '%GHI-%'", connection);
        command.Parameters.AddWithValue("mark", marks.AuditId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            foreach (var token in Workload.TokenPattern().Matches(reader.GetString(1)).Select(m => m.Value).Distinct())
            {
                var (rows, lastId) = found.GetValueOrDefault(token);
                found[token] = (rows + 1, Math.Max(lastId, reader.GetInt64(0)));
            }
        }
        return found;
    }

    private static Check AuditOfSaves(Dictionary<string, (int Rows, long LastId)> audited, IReadOnlyList<Op> ops)
    {
        var found = audited.ToDictionary(a => a.Key, a => a.Value.Rows, StringComparer.Ordinal);
        var saves = ops.Where(o => o.IsSave && o.Token is not null).ToDictionary(o => o.Token!, StringComparer.Ordinal);
        var accepted = saves.Values.Where(o => o.Outcome == Outcome.Accepted).ToList();
        var acceptedOnce = accepted.Count(o => found.GetValueOrDefault(o.Token!) == 1);
        var refusedWritten = saves.Values.Count(o => o.Outcome is Outcome.Refused or Outcome.Unexpected && found.ContainsKey(o.Token!));
        var outageWritten = saves.Values.Count(o => o.Outcome == Outcome.Outage && found.GetValueOrDefault(o.Token!) == 1);
        var outageTwice = saves.Values.Count(o => o.Outcome == Outcome.Outage && found.GetValueOrDefault(o.Token!) > 1);
        var foreign = found.Keys.Count(t => !saves.ContainsKey(t));
        return new Check("every accepted save is in the audit trail exactly once, a refused one never",
            acceptedOnce == accepted.Count && refusedWritten == 0 && outageTwice == 0 && foreign == 0,
            $"{acceptedOnce} of {accepted.Count} accepted saves found once; refused saves found: {refusedWritten}; "
            + $"saves answered with the outage message yet committed: {outageWritten} (twice: {outageTwice}); rows of no save made: {foreign}");
    }

    /// <summary>
    /// Per report, the submissions and decisions recorded since the run began against the accepted ones: never fewer,
    /// and the surplus no more than the writes answered with the outage message (which may have been committed).
    /// </summary>
    private static async Task<Check> ReviewEventsAsync(NpgsqlConnection connection, Marks marks, IReadOnlyList<Op> ops, CancellationToken ct)
    {
        var events = new Dictionary<(int Report, bool Submission), int>();
        await using (var command = new NpgsqlCommand("SELECT report_id, to_state, count(*) FROM review_events WHERE id > @mark GROUP BY 1, 2", connection))
        {
            command.Parameters.AddWithValue("mark", marks.EventId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = (reader.GetInt32(0), reader.GetString(1) == nameof(ReviewState.Submitted));
                events[key] = events.GetValueOrDefault(key) + (int)reader.GetInt64(2);
            }
        }
        var accepted = ops.Where(o => o.Outcome == Outcome.Accepted && o.Kind != OpKind.SaveDraft)
            .GroupBy(o => (o.ReportId!.Value, o.Kind == OpKind.Submit)).ToDictionary(g => g.Key, g => g.Count());
        var missing = accepted.Sum(a => Math.Max(0, a.Value - events.GetValueOrDefault(a.Key)));
        var surplusSubmissions = events.Where(e => e.Key.Submission).Sum(e => Math.Max(0, e.Value - accepted.GetValueOrDefault(e.Key)));
        var surplusDecisions = events.Where(e => !e.Key.Submission).Sum(e => Math.Max(0, e.Value - accepted.GetValueOrDefault(e.Key)));
        var outageSubmissions = ops.Count(o => o.Outcome == Outcome.Outage && o.Kind == OpKind.Submit);
        var outageDecisions = ops.Count(o => o.Outcome == Outcome.Outage && o.Kind is OpKind.Confirm or OpKind.Return);
        return new Check("every accepted submission and review has exactly one review event",
            missing == 0 && surplusSubmissions <= outageSubmissions && surplusDecisions <= outageDecisions,
            $"{accepted.Values.Sum()} accepted, {events.Values.Sum()} events; missing {missing}; events of no accepted write: "
            + $"{surplusSubmissions} submissions (outage-answered {outageSubmissions}), {surplusDecisions} decisions (outage-answered {outageDecisions})");
    }

    private static async Task<Check> AuditOfEventsAsync(NpgsqlConnection connection, Marks marks, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*),
                   count(*) FILTER (WHERE (SELECT count(*) FROM audit_entries a WHERE a.id > @audit AND a.entity_type = 'ReviewEvent' AND a.entity_key = e.id::text) <> 1)
            FROM review_events e WHERE e.id > @events
            """, connection);
        command.Parameters.AddWithValue("audit", marks.AuditId);
        command.Parameters.AddWithValue("events", marks.EventId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (total, wrong) = (reader.GetInt64(0), reader.GetInt64(1));
        return new Check("every review event has exactly one audit row", wrong == 0, $"{total} events, {wrong} without exactly one");
    }

    /// <summary>
    /// For each report written, the stored text is that of the last accepted save in commit order (or of a later save
    /// answered with the outage message, which may have been committed), and its state is the one the last accepted
    /// write left (in acknowledgement order). Commit order is the order of the saves' audit rows: appenders hold one lock
    /// until they commit, so a larger id is a later commit. The order in which the calls returned need not be: on a
    /// saturated machine (accepted saves took up to 10 s at L) a save's return can lag a later one's.
    /// </summary>
    private static async Task<Check> NoLostUpdateAsync(NpgsqlConnection connection, IReadOnlyList<Op> ops, Dictionary<string, (int Rows, long LastId)> audited,
        CancellationToken ct)
    {
        var ids = ops.Where(o => o.ReportId is not null).Select(o => o.ReportId!.Value).Distinct().ToArray();
        var stored = new List<(int Id, string? Token, ReviewState State)>();
        await using (var command = new NpgsqlCommand("SELECT id, results, state FROM progress_reports WHERE id = ANY(@ids) OR results LIKE '%GHI-%'", connection))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored.Add((reader.GetInt32(0), Workload.TokenOf(reader.IsDBNull(1) ? null : reader.GetString(1)), Enum.Parse<ReviewState>(reader.GetString(2))));
            }
        }
        var byToken = ops.Where(o => o.Token is not null).ToDictionary(o => o.Token!, StringComparer.Ordinal);
        int checkedReports = 0, lost = 0, wrongState = 0, explained = 0;
        foreach (var (id, token, state) in stored)
        {
            var mine = ops.Where(o => o.ReportId == id && o.Outcome == Outcome.Accepted).OrderBy(o => o.Ack).ToList();
            var theirs = token is null ? null : byToken.GetValueOrDefault(token);
            if (mine.Count == 0 && theirs is null)
            {
                continue;
            }
            checkedReports++;
            // Every accepted save has its audit row (the check above); one without would sort first and fail that check.
            var lastSave = mine.Where(o => o.IsSave).MaxBy(o => audited.TryGetValue(o.Token!, out var a) ? a.LastId : -1);
            var last = mine.LastOrDefault();
            // A later write answered with the outage message, on this report or carrying the stored text, that may have been committed.
            bool LaterOutage(Op? after) => ops.Any(o => o.Outcome == Outcome.Outage && (o.ReportId == id || (token is not null && o.Token == token)) && (after is null || o.Ack > after.Ack));
            var textOk = lastSave is null ? theirs is null || theirs.Outcome == Outcome.Outage : token == lastSave.Token;
            var textExplained = !textOk && theirs?.Outcome == Outcome.Outage && (lastSave is null || theirs.Ack > lastSave.Ack);
            var stateOk = last is null || Workload.StatesAfter(last.Kind).Contains(state);
            var stateExplained = !stateOk && LaterOutage(last);
            lost += textOk || textExplained ? 0 : 1;
            wrongState += stateOk || stateExplained ? 0 : 1;
            explained += textExplained || stateExplained ? 1 : 0;
        }
        return new Check("no lost update: each report holds its last accepted save's text and the state its last accepted write left",
            lost == 0 && wrongState == 0,
            $"{checkedReports} reports; other text {lost}, other state {wrongState}; explained by a later write answered with the outage message: {explained}");
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
