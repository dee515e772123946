using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.ReviewReports;
using HauGiang.Tracker.Testing;
using HauGiang.Tracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.ReviewReports;

/// <summary>
/// The database connection dropped in the middle of an export, at its most dangerous moment: the file is written and
/// hashed but not yet on record. Nothing may be handed out as if issued, and the next export must work.
/// </summary>
public class ReviewExportFaultTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private static readonly Actor Auditor = new("auditor-1", "Kiểm tra thử", new HashSet<string> { Roles.Auditor }, new HashSet<int>());

    [Fact]
    public async Task A_connection_dropped_before_the_issuance_is_recorded_leaves_no_file_and_no_record_and_the_next_export_works()
    {
        var period = await PeriodAsync("Quý III/2026");
        var request = new ReviewReportRequest(period.ProgramId, period.Id, null, null, ItemFilter.Real with { Samples = true });
        using var files = new ReviewExportFiles(Get<ReviewExportService>(), Database.Clock);
        var before = await RecordsAsync();

        // The export writes and hashes the whole file, then waits behind this lock to record it.
        await using var blocker = await OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync(Ct);
        await ExecuteAsync(blocker, "LOCK TABLE issued_exports IN ACCESS EXCLUSIVE MODE");
        var export = files.ExportAsync(Auditor, request, ReportFormat.Xlsx, null, Ct);
        await WaitUntilRecordingIsBlockedAsync(export);
        // Every connection of the app to the database goes, as on a restart or a cut network.
        var dropped = await ScalarAsync<long>(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{Database.Name}' AND pid <> pg_backend_pid() AND pid <> {blocker.ProcessID}");
        await transaction.RollbackAsync(Ct);

        var failure = await Record.ExceptionAsync(() => export);

        Assert.True(dropped >= 1);
        Assert.True(DatabaseOutage.Is(failure), $"the page says the database was lost only for an outage, not for {failure}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(files.Folder));
        Assert.Equal(before, await RecordsAsync());

        // The next export, on whatever the pool holds after the drop, is issued as usual.
        var (issued, url, error) = await files.ExportAsync(Auditor, request, ReportFormat.Xlsx, null, Ct);
        Assert.Null(error);
        Assert.StartsWith(ReviewExportEndpoints.DownloadPrefix, url, StringComparison.Ordinal);
        var file = Assert.Single(Directory.EnumerateFiles(files.Folder));
        Assert.Equal(issued!.Size, new FileInfo(file).Length);
        Assert.Equal((before.Exports + 1, before.Audit + 1), await RecordsAsync());
    }

    private async Task<(int Exports, int Audit)> RecordsAsync()
    {
        await using var db = Database.NewContext();
        return (await db.IssuedExports.CountAsync(Ct), await db.AuditEntries.CountAsync(a => a.Category == AuditCategory.Export, Ct));
    }

    /// <summary>Until the export's own connection waits on the lock with its INSERT: the file is complete at that point.</summary>
    private async Task WaitUntilRecordingIsBlockedAsync(Task export)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync<long>(
                   $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{Database.Name}' AND wait_event_type = 'Lock' AND query LIKE '%issued_exports%'") == 0)
        {
            if (export.IsCompleted)
            {
                await export;
                Assert.Fail("The export ended without waiting to record the issuance.");
            }
            Assert.True(DateTime.UtcNow < deadline, "The export never reached the recording of the issuance.");
            await Task.Delay(20, Ct);
        }
    }

    // Unpooled: the test's own connections must not sit in the pool the drop empties.
    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
