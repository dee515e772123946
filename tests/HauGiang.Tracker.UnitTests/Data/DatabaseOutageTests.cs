using System.Net.Sockets;
using HauGiang.Tracker.Core.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HauGiang.Tracker.UnitTests.Data;

public class DatabaseOutageTests
{
    private static PostgresException Postgres(string state) => new("thông báo", "FATAL", "FATAL", state);

    public static TheoryData<string, Exception> Outages => new()
    {
        { "server shut down (pg_ctl stop -m fast, pg_terminate_backend)", Postgres(PostgresErrorCodes.AdminShutdown) },
        { "server crashed", Postgres(PostgresErrorCodes.CrashShutdown) },
        { "server starting up", Postgres(PostgresErrorCodes.CannotConnectNow) },
        { "connection failure (class 08)", Postgres(PostgresErrorCodes.ConnectionFailure) },
        { "refused connection", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "a save whose connection broke", new DbUpdateException("save", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())) },
        { "EF's transient wrapper", new InvalidOperationException("transient", Postgres(PostgresErrorCodes.AdminShutdown)) },
        { "EF's retries used up", new RetryLimitExceededException("retries", new NpgsqlException("Exception while writing to stream", new IOException())) },
    };

    public static TheoryData<string, Exception> RealErrors => new()
    {
        { "someone saved first", new DbUpdateConcurrencyException("stale") },
        { "unique row exists", new DbUpdateException("save", Postgres(PostgresErrorCodes.UniqueViolation)) },
        { "a bug in a query", Postgres(PostgresErrorCodes.UndefinedColumn) },
        { "cancelled by the person", new OperationCanceledException("cancel", Postgres(PostgresErrorCodes.QueryCanceled)) },
        { "an upload cut in the browser", new IOException("The stream was cut.") },
        { "any other bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task An_unreachable_database_becomes_the_message_and_is_reported(string _, Exception exception)
    {
        Exception? seen = null;

        var result = await DatabaseOutage.RunAsync(() => throw exception, ex => seen = ex);

        Assert.Equal(DatabaseOutage.Message, result.For(OperationResult.FormKey));
        Assert.Same(exception, seen);
    }

    [Theory]
    [MemberData(nameof(RealErrors))]
    public async Task Any_other_error_is_thrown_as_it_was(string _, Exception exception)
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => DatabaseOutage.RunAsync(() => throw exception));

        Assert.Same(exception, thrown);
    }

    [Fact]
    public async Task A_result_passes_through()
    {
        var refusal = OperationResult.Fail("Percent", "Tỷ lệ hoàn thành phải từ 0 đến 100 (%).");

        Assert.Same(refusal, await DatabaseOutage.RunAsync(() => Task.FromResult(refusal)));
    }
}
