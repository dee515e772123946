using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Counts the SQL commands EF sends (every query, MaxAsync included, opens a reader); with a file, also
/// appends each command's text and parameters to it, to EXPLAIN them by hand.
/// </summary>
internal sealed class CommandCounter(string? logFile = null) : DbCommandInterceptor
{
    private readonly Lock _log = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    private void Seen(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        if (logFile is null)
        {
            return;
        }
        var parameters = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName}={p.Value}"));
        lock (_log)
        {
            File.AppendAllText(logFile, $"-- {parameters}\n{command.CommandText};\n\n");
        }
    }
}
