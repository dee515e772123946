using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Data;

/// <summary>The app's sessions run without JIT compilation: it cost the read model 150–300 ms per cold load at province scale.</summary>
public class SessionSettingsTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task The_apps_sessions_run_without_jit_unless_the_connection_string_sets_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await templates.CreateAsync();
        await using (var db = database.NewContext())
        {
            Assert.Equal("off", await Jit(db.Database.GetDbConnection(), ct));
        }

        // An operator's own choice stands, and other options are kept beside the app's.
        await using (var chosen = new NpgsqlConnection(DatabaseSetup.WithSessionSettings(database.ConnectionString + ";Options=-c jit=on")))
        {
            Assert.Equal("on", await Jit(chosen, ct));
        }
        await using var both = new NpgsqlConnection(DatabaseSetup.WithSessionSettings(database.ConnectionString + ";Options=-c work_mem=8MB"));
        Assert.Equal("off", await Jit(both, ct));
        Assert.Equal("8MB", await Setting(both, "work_mem", ct));
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_is_left_for_the_startup_check_to_explain() =>
        Assert.Equal("Hots=nowhere;;Port=abc", DatabaseSetup.WithSessionSettings("Hots=nowhere;;Port=abc"));

    private static Task<string> Jit(System.Data.Common.DbConnection connection, CancellationToken ct) => Setting(connection, "jit", ct);

    private static async Task<string> Setting(System.Data.Common.DbConnection connection, string name, CancellationToken ct)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT current_setting('{name}')";
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
