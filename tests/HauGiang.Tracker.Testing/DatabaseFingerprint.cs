using Npgsql;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// Row counts and the newest xmin of every table: any insert, update or delete moves one of them, so two
/// equal fingerprints mean nothing was written in between.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<IReadOnlyDictionary<string, (long Rows, long MaxXmin)>> TakeAsync(TestDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', count(*), coalesce(max(xmin::text::bigint), 0) FROM \"{t}\""));
        var result = new Dictionary<string, (long, long)>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            result[rows.GetString(0)] = (rows.GetInt64(1), rows.GetInt64(2));
        }
        return result;
    }
}
