using Npgsql;

namespace HauGiang.Tracker.Testing;

/// <summary>The throwaway PostgreSQL cluster the test script starts, reached as its superuser.</summary>
public static class TestPostgres
{
    public const string Variable = "TRACKER_TEST_PG";

    public static string AdminConnectionString => Required(Variable, "these tests need the throwaway PostgreSQL cluster that ./scripts/test.sh starts");

    /// <summary>A variable ./scripts/test.sh sets; unset, says which tests need what and how to run them.</summary>
    internal static string Required(string variable, string need) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: {need}. Run the tests with ./scripts/test.sh.");

    public static string ConnectionStringFor(string database) => ConnectionStringFor(AdminConnectionString, database);

    public static string ConnectionStringFor(string adminConnectionString, string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static Task ExecuteAsync(string sql, string database = "postgres", CancellationToken ct = default) =>
        ExecuteOnAsync(AdminConnectionString, sql, database, ct);

    /// <summary>Runs SQL as the superuser of the cluster <paramref name="adminConnectionString"/> reaches.</summary>
    public static async Task ExecuteOnAsync(string adminConnectionString, string sql, string database = "postgres", CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(adminConnectionString, database));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
