using System.Text.Json;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HauGiang.Tracker.IntegrationTests.Overview;

/// <summary>
/// The read model on a hot standby (<c>ConnectionStrings:TrackerReadOnly</c>), against the primary and standby
/// ./scripts/test.sh starts: the facts are computed on the standby once it has replayed the program's newest change,
/// on the primary until then, so whoever just saved sees the save.
/// </summary>
public class ReadOnlyStandbyTests
{
    [Fact]
    public async Task The_facts_are_computed_on_the_standby_once_it_has_replayed_the_programs_last_change_and_on_the_primary_until_then()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"standby_{Guid.NewGuid():N}"[..20];
        await using var primary = await DatabaseTemplates.CreateSeededOnAsync(StandbyPostgres.PrimaryConnectionString, name);
        var standbyDatabase = TestPostgres.ConnectionStringFor(StandbyPostgres.StandbyConnectionString, name);
        try
        {
            await StandbyPostgres.WaitForReplayAsync(ct);
            var copy = new ReadOnlyDatabase(standbyDatabase);
            await using (var standby = copy.NewContext())
            {
                Assert.True(await standby.Database.SqlQuery<bool>($"SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(ct));
            }
            var warnings = new WarningLog();
            using var store = new ProgramFactsStore(primary.Factory, primary.Clock, copy, warnings);
            using var plain = new ProgramFactsStore(primary.Factory, primary.Clock);

            var onStandby = await store.GetAsync(new FactsRequest(), ct);
            Assert.Equal((1L, 0L), (copy.Served, copy.FellBack));
            Assert.Equal(Json(await plain.GetAsync(new FactsRequest(), ct)), Json(onStandby));

            // Replay paused: a change saved on the primary has not reached the standby, and must still show.
            await StandbyPostgres.PauseReplayAsync(ct);
            try
            {
                await RenameAsync(primary, "NV-01", "Nhiệm vụ NV-01 (đã sửa khi bản sao còn chậm)", ct);
                var afterSave = (await store.GetAsync(new FactsRequest(), ct))!;
                Assert.Contains(afterSave.Items, i => i.Row.Title == "Nhiệm vụ NV-01 (đã sửa khi bản sao còn chậm)");
                Assert.Equal((1L, 1L), (copy.Served, copy.FellBack));
                Assert.Equal(Json(await plain.GetAsync(new FactsRequest(), ct)), Json(afterSave));
            }
            finally
            {
                await StandbyPostgres.ResumeReplayAsync(ct);
            }

            // Caught up again: the next change is read on the standby.
            await RenameAsync(primary, "NV-01", "Nhiệm vụ NV-01 (sửa lần hai)", ct);
            await StandbyPostgres.WaitForReplayAsync(ct);
            var caughtUp = (await store.GetAsync(new FactsRequest(), ct))!;
            Assert.Contains(caughtUp.Items, i => i.Row.Title == "Nhiệm vụ NV-01 (sửa lần hai)");
            // Should it fall back, the warnings say whether the standby failed or lagged.
            Assert.True((copy.Served, copy.FellBack) == (2L, 1L),
                $"served {copy.Served}, fell back {copy.FellBack}; warnings: {(warnings.Messages.IsEmpty ? "none (the standby lagged)" : string.Join(" | ", warnings.Messages))}");
        }
        finally
        {
            // The primary's DROP DATABASE ends the standby's sessions on it when replayed; leave none pooled.
            await using var pooled = new NpgsqlConnection(DatabaseSetup.WithSessionSettings(standbyDatabase));
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    [Fact]
    public async Task A_standby_out_of_reach_sends_the_read_to_the_primary()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"standby_{Guid.NewGuid():N}"[..20];
        await using var primary = await DatabaseTemplates.CreateSeededOnAsync(StandbyPostgres.PrimaryConnectionString, name);
        // A port nothing listens on, with a short timeout: the way a standby that is down or being rebuilt looks.
        var copy = new ReadOnlyDatabase("Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2");
        using var store = new ProgramFactsStore(primary.Factory, primary.Clock, copy);
        using var plain = new ProgramFactsStore(primary.Factory, primary.Clock);

        var facts = await store.GetAsync(new FactsRequest(), ct);

        Assert.Equal((0L, 1L), (copy.Served, copy.FellBack));
        Assert.Equal(Json(await plain.GetAsync(new FactsRequest(), ct)), Json(facts));
    }

    private static async Task RenameAsync(TestDatabase database, string code, string title, CancellationToken ct)
    {
        await using var db = database.NewContext();
        db.Actor = Actor.System("kiểm thử bản sao chỉ đọc");
        (await db.WorkItems.SingleAsync(i => i.Code == code, ct)).Title = title;
        await db.SaveChangesAsync(ct);
    }

    private static string Json(ProgramFacts? facts) => JsonSerializer.Serialize(facts);

    /// <summary>Keeps the store's warnings (why a read went to the primary) for the failure message.</summary>
    private sealed class WarningLog : ILogger<ProgramFactsStore>
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue($"{formatter(state, exception)}: {exception?.GetType().Name} {exception?.Message}");
    }
}
