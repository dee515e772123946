using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Core.Data;

public static class DatabaseSetup
{
    /// <summary>The configuration key of the connection string (ConnectionStrings__Tracker in the environment).</summary>
    public const string ConnectionStringName = "Tracker";

    /// <summary>The one place the provider is configured, shared by the app, the design-time factory and the tests.</summary>
    public static DbContextOptionsBuilder UseTrackerDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithSessionSettings(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The connection string with PostgreSQL's JIT compilation off for the app's sessions, unless its Options already say
    /// how to set jit. The read model reads a program's reports in one query the planner costs at ~250,000 at province
    /// scale, over jit_above_cost (100,000), so it was compiled on every cold load: in psql it took 204–399 ms with JIT and
    /// 22–125 ms without, and through the services JIT cost about 20 ms of each cold overview (docs/benchmarks.md, issue
    /// 17). Nothing the app asks runs long enough to gain from JIT. Behind a pooler that refuses startup options, set
    /// <c>Options</c> to something without it and <c>ALTER DATABASE … SET jit = off</c> instead.
    /// </summary>
    public static string WithSessionSettings(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString; // DescribeConnectionProblemAsync explains it at startup
        }
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        }
        return builder.ConnectionString;
    }

    /// <summary>Checks the connection string can reach the server, and explains what to fix when it cannot.</summary>
    public static async Task<string?> DescribeConnectionProblemAsync(string? connectionString, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"Chưa có chuỗi kết nối PostgreSQL: đặt ConnectionStrings:{ConnectionStringName} (biến môi trường ConnectionStrings__{ConnectionStringName}).";
        }
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            return $"Chuỗi kết nối ConnectionStrings:{ConnectionStringName} không hợp lệ: {ex.Message}";
        }
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return $"Không kết nối được PostgreSQL tại {parsed.Host}:{parsed.Port}, cơ sở dữ liệu “{parsed.Database}”, người dùng “{parsed.Username}”: {ex.Message} " +
                   $"Kiểm tra máy chủ đang chạy và sửa thiết lập ConnectionStrings:{ConnectionStringName} (biến môi trường ConnectionStrings__{ConnectionStringName}).";
        }
    }
}
