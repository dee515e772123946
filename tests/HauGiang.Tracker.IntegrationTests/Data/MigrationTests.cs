using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

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
