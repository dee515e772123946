using Npgsql;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// A row trigger on every table of a test database counts each row inserted, updated or deleted, in a
/// counter that commits only with the write itself: the same count before and after a call means the
/// call committed no change to any table. One small read, so a property test can check it after each of
/// ten thousand inputs (the full <see cref="DatabaseFingerprint"/> scans every table).
/// </summary>
public static class WriteCounter
{
    private const string Install = """
        CREATE SCHEMA testing;
        CREATE TABLE testing.writes (n bigint NOT NULL);
        INSERT INTO testing.writes VALUES (0);
        CREATE FUNCTION testing.count_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE testing.writes SET n = n + 1;
            RETURN NULL;
        END $$;
        DO $$
        DECLARE t text;
        BEGIN
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                EXECUTE format('CREATE TRIGGER count_writes AFTER INSERT OR UPDATE OR DELETE ON public.%I FOR EACH ROW EXECUTE FUNCTION testing.count_write()', t);
            END LOOP;
        END $$;
        """;

    public static async Task InstallAsync(TestDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Install, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ReadAsync(TestDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT n FROM testing.writes", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
