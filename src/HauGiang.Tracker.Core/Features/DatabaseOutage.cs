using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.Core.Features;

/// <summary>
/// The database could not be reached, or went away in the middle of an operation (restarted, connection cut): the
/// person's work is not lost, it is simply not saved yet, so the form says so instead of an error page.
/// </summary>
public static class DatabaseOutage
{
    public const string Message =
        "Không kết nối được cơ sở dữ liệu nên thao tác vừa rồi chưa được lưu. Những gì bạn đã nhập vẫn còn trên trang; vui lòng thử lại sau ít phút.";

    public static OperationResult Result { get; } = OperationResult.Form(Message);

    /// <summary>
    /// Runs <paramref name="operation"/>; an unreachable database becomes <see cref="Result"/> (after
    /// <paramref name="seen"/> is told, so it can be logged), anything else is thrown as it was.
    /// </summary>
    public static async Task<OperationResult> RunAsync(Func<Task<OperationResult>> operation, Action<Exception>? seen = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation();
        }
        catch (Exception ex) when (Is(ex))
        {
            seen?.Invoke(ex);
            return Result;
        }
    }

    /// <summary>True when the exception, or one it wraps, says the database was unreachable or dropped the connection.</summary>
    public static bool Is(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                // A real answer from a working database: someone saved first, a unique row exists.
                case DbUpdateConcurrencyException or OperationCanceledException:
                    return false;
                case PostgresException postgres:
                    return IsConnectionState(postgres.SqlState);
                // Npgsql's own errors are about the connection (opening, reading, writing, pool timeouts).
                case NpgsqlException:
                    return true;
                case SocketException or EndOfStreamException or IOException or TimeoutException when FromNpgsql(ex):
                    return true;
                default:
                    // EF's DbUpdateException, RetryLimitExceededException and InvalidOperationException wrap the cause.
                    break;
            }
        }
        return false;
    }

    // Class 08: connection exceptions; 57P01–57P03: the server is shutting down, crashed, or is not accepting connections yet.
    private static bool IsConnectionState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    // An IOException from elsewhere (a browser upload cut halfway) is not the database's.
    private static bool FromNpgsql(Exception ex) => ex.TargetSite?.DeclaringType?.Assembly == typeof(NpgsqlConnection).Assembly;
}
