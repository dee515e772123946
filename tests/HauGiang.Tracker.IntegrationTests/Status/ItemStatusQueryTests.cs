using System.Data.Common;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HauGiang.Tracker.IntegrationTests.Status;

public class ItemStatusQueryTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private DateOnly Today => VietnamClock.Today(Database.Clock);

    // The seeded program is flat; a small tree (NV-03 overdue, over NV-01 done and NV-04 open, over G1.1)
    // makes a parent's progress roll up from weighted children and grandchildren, as the one-item read must too.
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.ExecuteAsync("""
            UPDATE work_items SET parent_id = (SELECT id FROM work_items WHERE code = 'NV-03'), weight = 1, ordinal = 1 WHERE code = 'NV-01';
            UPDATE work_items SET parent_id = (SELECT id FROM work_items WHERE code = 'NV-03'), weight = 3, ordinal = 2 WHERE code = 'NV-04';
            UPDATE work_items SET parent_id = (SELECT id FROM work_items WHERE code = 'NV-04') WHERE code = 'G1.1';
            """);
    }

    private static object Seen(ItemRow row) =>
        (row.Id, row.Code, row.Depth, row.Status.Axis, row.Status.AgainstOriginal, row.Status.NotStarted, row.Status.NoReportThisPeriod,
            row.Status.DueDate, row.Status.CompletedOn, row.Progress, row.Deadline, row.OriginalDeadline, row.Lead, row.LastReportAt);

    [Fact]
    public async Task Every_items_own_read_equals_its_row_in_the_whole_program()
    {
        var whole = (await Get<ProgramStructureService>().GetAsync(ct: Ct))!;
        var all = whole.AllItems.ToList();
        Assert.Equal(58, all.Count);
        Assert.Contains(all, r => r.Depth == 2);

        await using var db = Database.NewContext();
        foreach (var expected in all)
        {
            var row = await ItemStatusQuery.ForItemAsync(db, whole.Program.Id, expected.Id, Today, Ct);
            Assert.NotNull(row);
            Assert.Equal(Seen(expected), Seen(row));
        }
    }

    [Fact]
    public async Task A_parent_read_alone_rolls_up_from_its_weighted_children()
    {
        var parent = await RowAsync("NV-03");
        var (done, open) = (await RowAsync("NV-01"), await RowAsync("NV-04"));
        Assert.Equal(ProgressAxis.Overdue, parent.Status.Axis);
        Assert.Equal(100m, done.Progress);
        Assert.Equal(ProgressRollup.Compute(RollupNode.Parent([RollupNode.Leaf(done.Progress, 1m), RollupNode.Leaf(open.Progress, 3m)])), parent.Progress);

        await using var db = Database.NewContext();
        var alone = await ItemStatusQuery.ForItemAsync(db, await ProgramIdAsync(), parent.Id, Today, Ct);
        Assert.Equal(parent.Progress, alone!.Progress);
    }

    [Fact]
    public async Task A_set_read_returns_just_the_asked_items_in_program_order()
    {
        var ids = new[] { await ItemIdAsync("VB-02"), await ItemIdAsync("NV-04"), await ItemIdAsync("NV-02") };
        var expected = await RowAsync("NV-04");

        await using var db = Database.NewContext();
        var rows = await ItemStatusQuery.LoadAsync(db, await ProgramIdAsync(), Today, ids, Ct);

        Assert.Equal(["NV-02", "NV-04", "VB-02"], rows.Select(r => r.Code));
        Assert.Equal(Seen(expected), Seen(rows[1]));
    }

    [Fact]
    public async Task A_set_read_issues_as_many_commands_for_many_items_as_for_one()
    {
        var programId = await ProgramIdAsync();
        var all = (await Get<ProgramStructureService>().GetAsync(ct: Ct))!.AllItems.Select(i => i.Id).ToList();

        var forOne = await CommandsAsync(db => ItemStatusQuery.LoadAsync(db, programId, Today, [all[0]], Ct));
        var forMany = await CommandsAsync(db => ItemStatusQuery.LoadAsync(db, programId, Today, all, Ct));

        Assert.Equal(1, forOne.Rows);
        Assert.Equal(all.Count, forMany.Rows);
        Assert.Equal(forOne.Commands, forMany.Commands);
    }

    private async Task<(int Commands, int Rows)> CommandsAsync(Func<TrackerDbContext, Task<IReadOnlyList<ItemRow>>> read)
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        options.UseTrackerDatabase(Database.ConnectionString).AddInterceptors(counter);
        await using var db = new TrackerDbContext(options.Options);
        var rows = await read(db);
        return (counter.Count, rows.Count);
    }

    private async Task<int> ProgramIdAsync()
    {
        await using var db = Database.NewContext();
        return await db.Programs.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count++;
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}
