using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.IntegrationTests.Search;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Roadmap;

/// <summary>The roadmap over the seeded program: the overview's numbers, the deadlines' history, and a fixed cost in SQL.</summary>
public class RoadmapDataTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private DateOnly Today => VietnamClock.Today(Database.Clock);

    [Theory]
    [InlineData(StatusBucket.All)]
    [InlineData(StatusBucket.Overdue)]
    [InlineData(StatusBucket.DoneLate)]
    [InlineData(StatusBucket.Undated)]
    public async Task The_roadmap_holds_exactly_the_items_the_overview_counts(StatusBucket bucket)
    {
        var filter = ItemFilter.Real with { Bucket = bucket };
        var request = new FactsRequest(AsOf: new DateOnly(2024, 6, 30));

        var roadmap = (await Get<RoadmapService>().GetAsync(new RoadmapRequest(request, filter), Ct))!;
        var list = (await Get<OverviewService>().ListAsync(request, filter, 0, 500, Ct))!;

        Assert.Equal(list.Total, roadmap.ItemCount);
        Assert.Equal(list.Items.Select(i => i.Id).Order(), roadmap.Rows.Where(r => !r.IsMilestone).Select(r => r.Item.Id).Order());
    }

    [Fact]
    public async Task An_adjusted_deadline_brings_its_original_and_its_decision_and_a_past_day_leaves_out_later_adjustments()
    {
        await using var db = Database.NewContext();
        var adjusted = await db.DeadlineRevisions.Where(r => r.Sequence > 0 && r.Deadline.DueDate != null)
            .Join(db.WorkItems.Where(i => i.State != Core.Domain.ItemState.Dropped), r => r.WorkItemId, i => i.Id, (r, i) => new { r.WorkItemId, r.EffectiveOn, r.BasisNumber, r.Deadline.DueDate, i.IsSample })
            .OrderBy(r => r.EffectiveOn).FirstAsync(Ct);
        var scope = ItemFilter.Real with { Samples = adjusted.IsSample };

        var now = (await Get<RoadmapService>().GetAsync(new RoadmapRequest(new FactsRequest(), scope), Ct))!;
        var row = now.Rows.Single(r => r.Item.Id == adjusted.WorkItemId && !r.IsMilestone);
        Assert.True(row.Schedule.WasAdjusted);
        Assert.Contains(row.Schedule.Deadlines, d => !d.IsOriginal && d.BasisNumber == adjusted.BasisNumber && d.EndsOn == adjusted.DueDate);

        var before = (await Get<RoadmapService>().GetAsync(new RoadmapRequest(new FactsRequest(AsOf: adjusted.EffectiveOn.AddDays(-1)), scope), Ct))!;
        var then = before.Rows.SingleOrDefault(r => r.Item.Id == adjusted.WorkItemId && !r.IsMilestone);
        Assert.True(then is null || then.Schedule.Deadlines.All(d => d.EffectiveOn < adjusted.EffectiveOn || d.IsOriginal));
    }

    [Fact]
    public async Task Compared_with_an_earlier_day_the_items_whose_plan_moved_are_listed()
    {
        var roadmap = (await Get<RoadmapService>().GetAsync(
            new RoadmapRequest(new FactsRequest(), ItemFilter.Real, RoadmapGrouping.Unit, new FactsRequest(AsOf: new DateOnly(2022, 6, 30))), Ct))!;

        Assert.Equal(new DateOnly(2022, 6, 30), roadmap.Earlier!.AsOf);
        Assert.NotEmpty(roadmap.Moves);
        Assert.All(roadmap.Moves, m => Assert.True(m.DeadlineMoved || m.BucketBefore != m.BucketAfter || RoadmapGeometry.Planned(m.Before) != RoadmapGeometry.Planned(m.After)));
    }

    [Fact]
    public async Task The_roadmap_issues_the_same_number_of_commands_for_a_thousand_more_items_with_their_deadlines_and_milestones()
    {
        var baseline = await CommandsAsync();
        await Database.ExecuteAsync("""
            DO $$
            DECLARE cols text; src int; BEGIN
                SELECT id INTO src FROM work_items WHERE code = 'NV-04';
                SELECT string_agg(quote_ident(column_name), ', ') INTO cols FROM information_schema.columns
                 WHERE table_name = 'work_items' AND column_name NOT IN ('id', 'code');
                EXECUTE format('INSERT INTO work_items (code, %s) SELECT ''X-'' || g, %s FROM work_items, generate_series(1, 1000) g WHERE id = %s', cols, cols, src);
                SELECT string_agg(quote_ident(column_name), ', ') INTO cols FROM information_schema.columns
                 WHERE table_name = 'work_item_assignments' AND column_name NOT IN ('id', 'work_item_id');
                EXECUTE format('INSERT INTO work_item_assignments (work_item_id, %s) SELECT w.id, a.%s FROM work_item_assignments a, work_items w WHERE a.work_item_id = %s AND w.code LIKE ''X-%%''', cols, replace(cols, ', ', ', a.'), src);
                SELECT string_agg(quote_ident(column_name), ', ') INTO cols FROM information_schema.columns
                 WHERE table_name = 'deadline_revisions' AND column_name NOT IN ('id', 'work_item_id');
                EXECUTE format('INSERT INTO deadline_revisions (work_item_id, %s) SELECT w.id, r.%s FROM deadline_revisions r, work_items w WHERE r.work_item_id = %s AND w.code LIKE ''X-%%''', cols, replace(cols, ', ', ', r.'), src);
                INSERT INTO milestones (work_item_id, ordinal, title, due_date)
                SELECT w.id, 1, 'Mốc thử', DATE '2024-02-29' FROM work_items w WHERE w.code LIKE 'X-%';
            END $$;
            """);
        var grown = await CommandsAsync();

        Assert.Equal(baseline.Rows + 2000, grown.Rows);
        Assert.Equal(baseline.Commands, grown.Commands);
    }

    private async Task<(int Commands, int Rows)> CommandsAsync()
    {
        bool sample;
        await using (var db = Database.NewContext())
        {
            sample = await db.WorkItems.Where(i => i.Code == "NV-04").Select(i => i.IsSample).SingleAsync(Ct);
        }
        var recorder = new CommandRecorder(Database);
        using var store = new ProgramFactsStore(recorder, Database.Clock);
        using var roadmaps = new RoadmapService(store, recorder);
        var start = recorder.Commands.Count;
        var roadmap = (await roadmaps.GetAsync(new RoadmapRequest(new FactsRequest(AsOf: Today.AddDays(-3)), ItemFilter.Real with { Samples = sample }, RoadmapGrouping.Breakthrough,
            new FactsRequest(AsOf: Today.AddDays(-400))), Ct))!;
        return (recorder.Commands.Count - start, roadmap.Rows.Count());
    }
}
