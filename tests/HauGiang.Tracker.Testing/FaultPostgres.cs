using System.Diagnostics;
using Npgsql;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// The second throwaway cluster ./scripts/test.sh starts for fault tests: a test may stop and start it (the shared
/// cluster must stay up for the tests running beside it). One test at a time uses it.
/// </summary>
public static class FaultPostgres
{
    public const string Variable = "TRACKER_TEST_PG_FAULTS";
    public const string ControlVariable = "TRACKER_TEST_PG_FAULTS_CTL";

    public static string AdminConnectionString => Required(Variable);

    /// <summary>Stops the cluster the way an administrator restarting it would (<c>pg_ctl stop -m fast</c>: sessions end at once).</summary>
    public static Task StopAsync(CancellationToken ct = default) => ControlAsync("stop", ct);

    /// <summary>
    /// Starts it again on the same port; returns when it accepts connections. The tests' own superuser connections
    /// (<see cref="TestPostgres.ExecuteOnAsync"/>) idle in their pool died with the server: they are dropped, so
    /// only the app's connections are left to meet the restart.
    /// </summary>
    public static async Task StartAsync(CancellationToken ct = default)
    {
        await ControlAsync("start", ct);
        await using var admin = new NpgsqlConnection(TestPostgres.ConnectionStringFor(AdminConnectionString, "postgres"));
        NpgsqlConnection.ClearPool(admin);
    }

    private static async Task ControlAsync(string verb, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Required(ControlVariable), verb) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {verb} failed ({process.ExitCode}): {await errors}");
        }
    }

    private static string Required(string variable) =>
        TestPostgres.Required(variable, "fault tests need the second throwaway PostgreSQL cluster that ./scripts/test.sh starts");
}
