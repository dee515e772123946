using System.Diagnostics;
using System.Globalization;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Backs up a live database with <c>pg_dump</c> (custom format) and restores it into an empty database of another
/// cluster, then proves the copy: every table's row count and checksum taken in the very snapshot the dump read
/// (<c>pg_export_snapshot</c>, so writes during the backup cannot make a false difference) equal the restored
/// ones, and the restored audit chain verifies. Evidence files are rows of <c>stored_files</c>, so they are in it.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var source = new NpgsqlConnectionStringBuilder(args.Required("connection"));
        var target = new NpgsqlConnectionStringBuilder(args.Required("target"));
        var bin = args.Optional("pg-bin") ?? "";
        var dump = args.Optional("dump") ?? Path.Combine(Path.GetTempPath(), $"haugiang-tracker-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.dump");

        IReadOnlyDictionary<string, (long Rows, string Sum)> before;
        var clock = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(source.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var id = (string)(await new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot).ExecuteScalarAsync(ct))!;
            before = await ChecksumsAsync(connection, snapshot, ct);
            await PgAsync(bin, "pg_dump", source, ["--format=custom", "--no-owner", "--no-acl", $"--snapshot={id}", $"--file={dump}", source.Database!], ct);
            await snapshot.CommitAsync(ct);
        }
        var dumpSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync(ct);
            var exists = await new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{target.Database}'", admin).ExecuteScalarAsync(ct);
            if ((long)exists! != 0)
            {
                throw new CommandLineException($"the target database {target.Database} exists: restore goes into a new, empty one");
            }
            await new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\" TEMPLATE template0 ENCODING 'UTF8'", admin).ExecuteNonQueryAsync(ct);
        }
        await PgAsync(bin, "pg_restore", target, ["--no-owner", "--no-acl", "--exit-on-error", $"--dbname={target.Database}", dump], ct);
        var restoreSeconds = clock.Elapsed.TotalSeconds;

        IReadOnlyDictionary<string, (long Rows, string Sum)> after;
        await using (var connection = new NpgsqlConnection(target.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var read = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            after = await ChecksumsAsync(connection, read, ct);
        }

        await using var services = new ServiceCollection().AddLogging().AddTrackerCore(target.ConnectionString).BuildServiceProvider();
        var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(Actor.System("sao-luu"), ct);

        Console.WriteLine($"## Backup and restore ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)\n");
        Console.WriteLine($"pg_dump (custom format, in the snapshot of the checksums): {dumpSeconds:0.0} s, {new FileInfo(dump).Length / 1024.0 / 1024.0:0.0} MB ({dump}); pg_restore into an empty database: {restoreSeconds:0.0} s.\n");
        Console.WriteLine("| table | rows | checksum | restored rows | equal |\n|---|---:|---|---:|---|");
        var differ = 0;
        foreach (var table in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (rows, sum) = before.GetValueOrDefault(table, (-1, "—"));
            var (restored, restoredSum) = after.GetValueOrDefault(table, (-1, "—"));
            var equal = rows == restored && sum == restoredSum;
            differ += equal ? 0 : 1;
            Console.WriteLine($"| {table} | {rows.ToString("N0", CultureInfo.InvariantCulture)} | {sum} | {restored.ToString("N0", CultureInfo.InvariantCulture)} | {(equal ? "yes" : "**NO**")} |");
        }
        Console.WriteLine($"\n{before.Count} tables, {differ} different; audit chain of the copy: {verification.RowsChecked:N0} rows, "
            + (verification.IsIntact ? "intact." : $"BROKEN at {verification.BrokenAtId}: {verification.Problem}"));
        return differ == 0 && verification.IsIntact ? 0 : 1;
    }

    /// <summary>
    /// Each table's row count and an order-free checksum of its rows' text (the sum of the first 60 bits of each row's
    /// MD5): equal sums on both sides mean the same rows, whatever order the restore wrote them in.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, (long Rows, string Sum)>> ChecksumsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        // Dates and times print in one zone and floats with every digit, so the text of a row is the same on both sides.
        await new NpgsqlCommand("SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3; SET LOCAL DateStyle = 'ISO'", connection, transaction).ExecuteNonQueryAsync(ct);
        var tables = new List<string>();
        await using (var reader = await new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection, transaction).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }
        var sums = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var sql = $"SELECT count(*), coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric), 0)::text FROM public.\"{table}\" t";
            await using var reader = await new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 }.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            sums[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        return sums;
    }

    private static async Task PgAsync(string bin, string tool, NpgsqlConnectionStringBuilder connection, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(bin.Length > 0 ? Path.Combine(bin, tool) : tool) { RedirectStandardError = true };
        foreach (var argument in new[] { $"--host={connection.Host}", $"--port={connection.Port}", $"--username={connection.Username}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        // The password goes through the environment, never the command line (which other users can read).
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {errors}");
        }
    }
}
