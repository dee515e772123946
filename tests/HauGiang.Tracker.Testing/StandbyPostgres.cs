using Npgsql;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// The primary and its hot standby ./scripts/test.sh starts (pg_basebackup -R, streaming) for the read-only
/// connection's tests: a database made on the primary appears on the standby once replayed.
/// </summary>
public static class StandbyPostgres
{
    public const string PrimaryVariable = "TRACKER_TEST_PG_REPLICA";
    public const string StandbyVariable = "TRACKER_TEST_PG_STANDBY";

    public static string PrimaryConnectionString => Required(PrimaryVariable);

    public static string StandbyConnectionString => Required(StandbyVariable);

    /// <summary>Returns once the standby has replayed everything the primary has written so far.</summary>
    public static async Task WaitForReplayAsync(CancellationToken ct = default)
    {
        // The insert position, not pg_current_wal_lsn() (what is written out): the clusters commit asynchronously
        // (synchronous_commit=off), so a commit just returned may still be in the WAL buffers, after the write position.
        var written = await ScalarAsync(PrimaryConnectionString, "SELECT pg_current_wal_insert_lsn()::text", ct);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await ScalarAsync(StandbyConnectionString, $"SELECT (pg_last_wal_replay_lsn() >= '{written}'::pg_lsn)::text", ct) == "true")
            {
                return;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"The standby did not replay the primary's WAL up to {written} within 30 s.");
    }

    /// <summary>
    /// Stops the standby's replay: nothing the primary writes from now on reaches its data until
    /// <see cref="ResumeReplayAsync"/> (replay checks the request before each record).
    /// </summary>
    public static async Task PauseReplayAsync(CancellationToken ct = default)
    {
        await ScalarAsync(StandbyConnectionString, "SELECT pg_wal_replay_pause()::text", ct);
        var state = await ScalarAsync(StandbyConnectionString, "SELECT pg_get_wal_replay_pause_state()", ct);
        if (state is not ("pause requested" or "paused"))
        {
            throw new InvalidOperationException($"The standby's replay did not pause: {state}.");
        }
    }

    public static Task ResumeReplayAsync(CancellationToken ct = default) =>
        ScalarAsync(StandbyConnectionString, "SELECT pg_wal_replay_resume()::text", ct);

    private static async Task<string?> ScalarAsync(string adminConnectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionStringFor(adminConnectionString, "postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync(ct);
    }

    private static string Required(string variable) =>
        TestPostgres.Required(variable, "the standby tests need the primary and hot standby that ./scripts/test.sh starts");
}
