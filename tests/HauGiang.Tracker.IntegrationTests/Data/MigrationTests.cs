using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Data;

public class MigrationTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var database = await templates.CreateAsync(Template.Empty);
        await using var db = database.NewContext();

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.WorkItems.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrations_apply_as_the_databases_owner_without_superuser_rights()
    {
        // The run script's app role owns its database and is no superuser; the tests otherwise migrate as postgres.
        var ct = TestContext.Current.CancellationToken;
        var role = $"owner_{Guid.NewGuid():N}"[..24];
        await TestPostgres.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD 'owner-only-for-this-test'", ct: ct);
        try
        {
            await using var database = await templates.CreateAsync(Template.Empty);
            await TestPostgres.ExecuteAsync($"ALTER DATABASE {database.Name} OWNER TO {role}", ct: ct);
            var asOwner = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role, Password = "owner-only-for-this-test", Pooling = false };
            var options = new DbContextOptionsBuilder<TrackerDbContext>();
            options.UseTrackerDatabase(asOwner.ConnectionString);
            await using var db = new TrackerDbContext(options.Options);

            await db.Database.MigrateAsync(ct);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        }
        finally
        {
            await TestPostgres.ExecuteAsync($"DROP ROLE IF EXISTS {role}", ct: ct);
        }
    }

    [Fact]
    public async Task The_migrate_command_applies_the_migrations_and_exits()
    {
        await using var database = await templates.CreateAsync(Template.Empty);

        var exitCode = await RunEntryPointAsync("migrate", $"--ConnectionStrings:Tracker={database.ConnectionString}", "--Serilog:MinimumLevel:Default=Warning");

        Assert.Equal(0, exitCode);
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Programs.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_up_without_a_reachable_database_stops_with_an_error_code()
    {
        var exitCode = await RunEntryPointAsync("migrate", "--ConnectionStrings:Tracker=Host=127.0.0.1;Port=1;Database=x;Username=y;Password=z;Timeout=2", "--Serilog:MinimumLevel:Default=Fatal");
        Assert.Equal(1, exitCode);
    }

    private static async Task<int> RunEntryPointAsync(params string[] args)
    {
        var entryPoint = typeof(Program).Assembly.EntryPoint!;
        var result = entryPoint.Invoke(null, [args]);
        return result is Task<int> task ? await task : (int)result!;
    }
}
