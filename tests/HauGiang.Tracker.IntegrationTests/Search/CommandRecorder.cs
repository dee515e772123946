using System.Data.Common;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Search;

/// <summary>A context factory that keeps every query's SQL and parameters, to count them and to ask PostgreSQL for their plans.</summary>
internal sealed class CommandRecorder(TestDatabase database) : DbCommandInterceptor, IDbContextFactory<TrackerDbContext>
{
    private readonly Lock _lock = new();
    private readonly List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> _commands = [];

    /// <summary>The commands sent so far, in order; a read-side load sends some of them at once, on contexts of its own.</summary>
    public IReadOnlyList<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands
    {
        get
        {
            lock (_lock)
            {
                return [.. _commands];
            }
        }
    }

    public TrackerDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        options.UseTrackerDatabase(database.ConnectionString).AddInterceptors(this);
        return new TrackerDbContext(options.Options);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var recorded = (command.CommandText, (IReadOnlyList<(string, object?)>)[.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]);
        lock (_lock)
        {
            _commands.Add(recorded);
        }
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>The plan of a recorded command, with sequential scans priced out so a usable index is always chosen.</summary>
    public async Task<string> PlanAsync(int index, CancellationToken ct)
    {
        var (sql, parameters) = Commands[index];
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync(ct);
        }
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }
}
