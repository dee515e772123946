using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>Checks the database can be reached, applies migrations and seeds, before the app serves anyone.</summary>
public static partial class DatabaseStartup
{
    /// <summary>Prepares the database for the command; false when the process should exit with an error.</summary>
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
        if (command == StartupCommand.VerifyAudit)
        {
            return true;
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
        if (command == StartupCommand.Serve)
        {
            await EnsureAccountsAsync(app, logger);
        }
        return true;
    }

    // Sample accounts exist only in the development run, with the passwords its run script chose.
    private static async Task EnsureAccountsAsync(WebApplication app, ILogger logger)
    {
        var accounts = app.Services.GetRequiredService<AccountSeeder>();
        var passwords = app.Configuration.GetSection("DevAccounts");
        if (app.Environment.IsDevelopment() && passwords.Exists())
        {
            await accounts.EnsureAsync([.. AccountSeeder.DevelopmentAccounts
                .Where(a => !string.IsNullOrEmpty(passwords[a.Key]))
                .Select(a => new SeedAccount(a.Email, a.FullName, a.Role, a.UnitCode, passwords[a.Key]!))]);
        }
        if (!await accounts.HasAdministratorAsync())
        {
            LogNoAdministrator(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Không thể khởi động: {Problem}")]
    private static partial void LogCannotStart(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current ({Applied} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chưa có quản trị viên nào. Tạo tài khoản đầu tiên bằng lệnh: dotnet HauGiang.Tracker.Web.dll create-admin --email <email> --name \"<họ tên>\" (mật khẩu lấy từ biến TRACKER_ADMIN_PASSWORD, hoặc được tạo và in ra một lần). Với ./scripts/run.sh: ./scripts/run.sh create-admin --email ... --name ... Với Docker: docker compose exec app dotnet HauGiang.Tracker.Web.dll create-admin --email ... --name ...")]
    private static partial void LogNoAdministrator(ILogger logger);
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public bool MigrateOnStartup { get; set; } = true;
    public bool SeedProgram { get; set; } = true;
    /// <summary>Adds the labelled sample tasks, documents and reports; for development and demonstrations only.</summary>
    public bool SeedSamples { get; set; }
}
