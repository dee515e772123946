using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>Checks the database can be reached, applies migrations and seeds, before the app serves anyone.</summary>
public static partial class DatabaseStartup
{
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app, StartupCommand command)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HauGiang.Tracker.Startup");
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var problem = await DatabaseSetup.DescribeConnectionProblemAsync(app.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName));
        if (problem is not null)
        {
            LogCannotStart(logger, problem);
            return false;
        }

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<TrackerDbContext>>().CreateDbContextAsync())
        {
            if (options.MigrateOnStartup || command != StartupCommand.Serve)
            {
                // EF reads the history table before creating it and logs that as an error on an empty
                // database; creating it first keeps a newcomer's first run free of alarming lines.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                await db.Database.MigrateAsync();
                LogMigrated(logger, pending.Count);
            }
        }
        if (command == StartupCommand.Migrate)
        {
            return true;
        }
        if (options.SeedProgram || command == StartupCommand.Seed)
        {
            await app.Services.GetRequiredService<DatabaseSeeder>().SeedAsync(options.SeedSamples);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Không thể khởi động: {Problem}")]
    private static partial void LogCannotStart(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Applied} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public bool MigrateOnStartup { get; set; } = true;
    public bool SeedProgram { get; set; } = true;
    /// <summary>Adds the labelled sample tasks, documents and reports; for development and demonstrations only.</summary>
    public bool SeedSamples { get; set; }
}
