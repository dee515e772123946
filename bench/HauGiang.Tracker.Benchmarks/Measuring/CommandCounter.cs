using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Counts the SQL commands EF sends (every query, MaxAsync included, opens a reader); with a file, also
/// appends each command's time to open its reader, parameters and text to it, to EXPLAIN them by hand.
/// </summary>
internal sealed class CommandCounter(string? logFile = null) : DbCommandInterceptor
{
    private readonly Lock _log = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }

    // The time until the reader opened: for an aggregate, nearly all of the server's work.
    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (logFile is not null)
        {
            var parameters = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName}={p.Value}"));
            lock (_log)
            {
                File.AppendAllText(logFile, $"-- {eventData.Duration.TotalMilliseconds:F1} ms; {parameters}\n{command.CommandText};\n\n");
            }
        }
        return ValueTask.FromResult(result);
    }

}
