using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// Migrates an empty database with the app's migrations, seeds it as the development run does (program
/// and labelled samples), then grows it to the asked scale with a fixed random seed, and ANALYZEs.
/// </summary>
internal static class GenerateCommand
{
    public const int Seed = 20261202;

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var scale = args.Required("scale");
        if (scale is not ("S" or "grown" or "L"))
        {
            throw new CommandLineException("--scale is S, grown or L");
        }
        var connectionString = args.Required("connection");
        await using var services = new ServiceCollection().AddLogging().AddTrackerCore(connectionString).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<TrackerDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if ((await db.Database.GetAppliedMigrationsAsync(ct)).Any())
            {
                await Console.Error.WriteLineAsync("the database is not empty: generate needs a fresh one (it never deletes data)");
                return 1;
            }
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            await db.Database.MigrateAsync(ct);
        }
        Progress.Say("migrated; seeding as the development run does");
        await services.GetRequiredService<DatabaseSeeder>().SeedAsync(includeSamples: true, ct);

        var random = new Random(Seed);
        var today = VietnamClock.Today(services.GetRequiredService<TimeProvider>());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        if (scale == "grown")
        {
            await GrownScale.RunAsync(factory, connection, random, today, ct);
        }
        else if (scale == "S")
        {
            // The seeded program's own items keep their seeded reports: monthly reports are generated for a program of its size beside it.
            await using var db = await factory.CreateDbContextAsync(ct);
            var seeded = await db.WorkItems.CountAsync(i => !i.IsSample, ct);
            await ProvinceScale.RunAsync(factory, connection, random, today, ProgramScale.Small(seeded), ct);
        }
        else
        {
            await ProvinceScale.RunAsync(factory, connection, random, today, ProgramScale.Large, ct);
        }
        Progress.Say("ANALYZE");
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }
        Progress.Say($"generated scale {scale} in {Progress.Elapsed.TotalSeconds:N0} s");
        return 0;
    }
}
